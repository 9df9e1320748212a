#!/usr/bin/perl
# Data plug-in for the fake SRA: devices are files DIR/SITE/<device>.
#   fakedata.pl write     DIR SITE DEVICE OFFSET FILE
#   fakedata.pl read      DIR SITE DEVICE OFFSET LENGTH FILE
#   fakedata.pl writeMany DIR SITE LIST      (LIST: lines DEVICE<TAB>OFFSET<TAB>LENGTH<TAB>FILE)
#   fakedata.pl readMany  DIR SITE LIST
use strict;
use warnings;
my ($op, $dir, $site, @rest) = @ARGV;

sub write_device {
    my ($dev, $off, $file) = @_;
    my $path = "$dir/$site/$dev";
    open my $in, '<:raw', $file or die "cannot read $file\n";
    local $/; my $data = <$in>; close $in;
    mkdir "$dir/$site";
    open my $o, (-e $path ? '+<:raw' : '+>:raw'), $path or die "cannot open $path\n";
    seek $o, $off, 0; print $o $data; close $o;
}

sub read_device {
    my ($dev, $off, $len, $file) = @_;
    my $path = "$dir/$site/$dev";
    -e $path or die "no such device $dev at site $site\n";
    open my $i, '<:raw', $path or die "cannot open $path\n";
    seek $i, $off, 0; my $n = read($i, my $buf, $len) // 0; close $i;
    $buf = '' unless defined $buf;
    $buf .= "\0" x ($len - length $buf) if length $buf < $len;
    open my $o, '>:raw', $file or die; print $o $buf; close $o;
}

sub each_line {
    my ($list, $do) = @_;
    open my $l, '<', $list or die "cannot read $list\n";
    while (my $line = <$l>) {
        chomp $line;
        next if $line eq '';
        $do->(split /\t/, $line, -1);
    }
    close $l;
}

if ($op eq 'write') {
    my ($dev, $off, $file) = @rest;
    write_device($dev, $off, $file);
} elsif ($op eq 'read') {
    read_device(@rest);
} elsif ($op eq 'writeMany') {
    each_line($rest[0], sub { my ($dev, $off, $len, $file) = @_; write_device($dev, $off, $file) });
} elsif ($op eq 'readMany') {
    each_line($rest[0], sub { read_device(@_) });
} else { die "usage\n" }
