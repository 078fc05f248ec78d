#!/usr/bin/perl
# Reads MARC records with MARC::Record's own readers and prints each in one canonical text form, so
# that what peers read from different serializations of the same records can be compared line by line.
#
#   perl marc-canonical.pl usmarc|marcmaker|mij FILE [--unicode]
#
#   usmarc     ISO 2709, MARC::File::USMARC (MARC::Record)
#   marcmaker  MARCMaker text (.mrk), MARC::File::MARCMaker
#   mij        MARC-in-JSON, one record a line, MARC::File::MiJ
#   --unicode  convert each MARC-8 record (leader/09 blank) to Unicode as a MARC-8 to UTF-8 converter
#              does, so it can be compared with a Unicode serialization (MARCXML, MARC-in-JSON): text
#              through MARC::Charset, then NFC, and leader/09 'a'. A blank leader over text that is
#              well-formed UTF-8 with multibyte sequences and no ESC is taken as UTF-8 (the rule of
#              Marcgate's MARC-8 reader, MARC013), not converted, and is also put in NFC.
#
# Output, per record: "=record N", "LDR leader", then one line per field in order (or, for a record the
# reader dies on, "=unreadable" and the reader's message):
# "TAG value" for control fields (tag < 010), "TAG ii $avalue $bvalue" for data fields.
# Text is UTF-8 when the record is Unicode, else its MARC-8 bytes; "\" is "\\" and bytes below
# 0x20 and 0x7F are "\xHH". The readers' warnings go to standard error.
use strict;
use warnings;
use Encode ();
use MARC::Record;
use MARC::File::USMARC;
use MARC::File::MARCMaker;
use MARC::File::MiJ;
use MARC::Charset qw(marc8_to_utf8);
use Unicode::Normalize qw(NFC);

my ($format, $file, @flags) = @ARGV;
die "usage: $0 usmarc|marcmaker|mij FILE [--unicode]\n" unless defined $file;
my %readers = (usmarc => 'MARC::File::USMARC', marcmaker => 'MARC::File::MARCMaker', mij => 'MARC::File::MiJ');
my $class = $readers{$format} or die "$0: unknown format '$format'\n";
my $unicode = grep { $_ eq '--unicode' } @flags;
MARC::Charset->ignore_errors(1);
MARC::Charset->assume_unicode(0);

my $in = $class->in($file) or die "$0: cannot read $file: $MARC::File::ERROR\n";
binmode STDOUT;
my $n = 0;
while (1) {
    my $record = eval { $in->next() };
    if ($@) {
        # The reader died inside one record (MARC::File::Encode on invalid UTF-8); its bytes are consumed, go on.
        $n++;
        (my $message = $@) =~ s/\s+$//;
        print "=record $n\n", "=unreadable ", escape($message), "\n";
        next;
    }

    last unless defined $record;
    $n++;
    print STDERR "$file record $n: $_\n" for $record->warnings();
    print_record($record, $n);
}
$in->close();

sub print_record {
    my ($record, $number) = @_;
    my $leader = bytes_of($record->leader());
    my $convert = undef;
    if ($unicode && substr($leader, 9, 1) ne 'a') {
        $convert = looks_like_utf8($record) ? \&from_utf8 : \&from_marc8;
        substr($leader, 9, 1) = 'a';
    }

    my $text = sub { my $value = bytes_of($_[0]); escape($convert ? $convert->($value) : $value) };
    print "=record $number\n", "LDR ", escape($leader), "\n";
    for my $field ($record->fields()) {
        if ($field->is_control_field()) {
            print $field->tag(), " ", $text->($field->data()), "\n";
            next;
        }

        my $line = $field->tag() . " " . escape(bytes_of($field->indicator(1)) . bytes_of($field->indicator(2)));
        for my $subfield ($field->subfields()) {
            $line .= " \$" . escape(bytes_of($subfield->[0])) . $text->($subfield->[1]);
        }

        print $line, "\n";
    }
}

# Perl strings from the readers are characters (UTF-8 records of USMARC, all of MiJ) or bytes; compare bytes.
sub bytes_of {
    my ($value) = @_;
    $value = '' unless defined $value;
    return utf8::is_utf8($value) ? Encode::encode('UTF-8', $value) : $value;
}

sub from_utf8 { return Encode::encode('UTF-8', NFC(Encode::decode('UTF-8', $_[0]))) }

sub from_marc8 {
    my $text = marc8_to_utf8($_[0]) // '';
    $text = Encode::decode('UTF-8', $text) unless utf8::is_utf8($text);
    return Encode::encode('UTF-8', NFC($text));
}

sub looks_like_utf8 {
    my ($record) = @_;
    my $all = join "\x1E", map {
        $_->is_control_field() ? bytes_of($_->data()) : join "\x1F", map { bytes_of($_->[1]) } $_->subfields()
    } $record->fields();
    return 0 if $all =~ /\x1B/ || $all !~ /[\x80-\xFF]/;
    my $copy = $all;
    return defined eval { Encode::decode('UTF-8', $copy, Encode::FB_CROAK) } ? 1 : 0;
}

sub escape {
    my ($value) = @_;
    $value =~ s/\\/\\\\/g;
    $value =~ s/([\x00-\x1F\x7F])/sprintf('\\x%02X', ord($1))/ge;
    return $value;
}
