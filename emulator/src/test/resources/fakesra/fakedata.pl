#!/usr/bin/perl
# Data plug-in for the fake SRA: devices are files DIR/SITE/<device>.
#   fakedata.pl write DIR SITE DEVICE OFFSET FILE
#   fakedata.pl read  DIR SITE DEVICE OFFSET LENGTH FILE
use strict;
use warnings;
my ($op, $dir, $site, $dev, $off, @rest) = @ARGV;
my $path = "$dir/$site/$dev";
if ($op eq 'write') {
    my ($file) = @rest;
    open my $in, '<:raw', $file or die "cannot read $file\n";
    local $/; my $data = <$in>; close $in;
    mkdir "$dir/$site";
    open my $o, (-e $path ? '+<:raw' : '+>:raw'), $path or die "cannot open $path\n";
    seek $o, $off, 0; print $o $data; close $o;
} elsif ($op eq 'read') {
    my ($len, $file) = @rest;
    -e $path or die "no such device $dev at site $site\n";
    open my $i, '<:raw', $path or die "cannot open $path\n";
    seek $i, $off, 0; my $n = read($i, my $buf, $len) // 0; close $i;
    $buf = '' unless defined $buf;
    $buf .= "\0" x ($len - length $buf) if length $buf < $len;
    open my $o, '>:raw', $file or die; print $o $buf; close $o;
} else { die "usage\n" }
