#!/usr/bin/perl
# Prints MARC::Lint's warnings for each record of ISO 2709 files as "file<TAB>record-number<TAB>warning",
# so they can be compared with marcgate's findings record by record (docs/validation.md). When MARC::Record
# cannot decode a record it prints "file<TAB>STOP<TAB>record-number" and goes on with the next file.
use strict;
use warnings;
use MARC::File::USMARC;
use MARC::Lint;

binmode STDOUT, ':encoding(UTF-8)';
my $lint = MARC::Lint->new;
for my $path (@ARGV) {
    my $file = MARC::File::USMARC->in($path) or die "cannot open $path\n";
    my $number = 0;
    while (1) {
        $number++;
        my $record = eval { $file->next };
        if ($@) {
            print "$path\tSTOP\t$number\n";
            last;
        }
        last unless $record;
        $lint->check_record($record);
        print "$path\t$number\t$_\n" for $lint->warnings;
    }
    $file->close;
}
