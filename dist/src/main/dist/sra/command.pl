#!/usr/bin/perl
# OpenSRA: the script SRM runs as `perl command.pl < request.xml` in the SRA install folder (INV-1).
# No logic lives here: it finds Java, runs org.opensra.adapter.SraMain with stdin passed through and
# exits with Java's status. Core Perl only, and as little of it as possible: every module loaded here
# adds to the latency of every SRM command.
#
# Java: sra/jre/bin/java (a bundled runtime) first, then $JAVA_HOME/bin/java, then java on PATH.
# Startup: an AppCDS archive of the adapter's classes, sra/cds/<fingerprint>.jsa, is created on the
# first run (one creator at a time; concurrent commands run without it), checked with the JVM's own
# verification, and used afterwards, verified again by the JVM at every start. The fingerprint covers
# the Java runtime and the jars, so a new JDK or new jars get a new archive (the JVM also refuses an
# archive that does not match them). An archive whose size or modification time differs from what was
# recorded when it was checked is deleted and made again. A missing, stale or corrupt archive, or an
# install folder that cannot be written, never makes a command fail: it then runs without the archive.
use strict; # and no `use warnings`: loading warnings.pm alone would add 2.5 ms to every command

my $windows = $^O eq 'MSWin32';
my $sep = $windows ? '\\' : '/';
my $home = script_folder();

my $java = find_java();
my @jars = jars("$home${sep}lib");
if (!@jars) {
    print "OpenSRA: no jar in $home${sep}lib; reinstall the SRA\n";
    exit 2;
}
# G1, the default collector, on purpose: JDK 17 maps the archived module graph only with G1, which saves
# about 12 ms of every start over -XX:+UseSerialGC.
my @args = ('-XX:TieredStopAtLevel=1', '-XX:-UsePerfData', '-Xshare:auto',
            '-Xlog:all=off', '-Xlog:all=warning:stderr', jaxp_settings());
my @main = ('-cp', join($windows ? ';' : ':', @jars), 'org.opensra.adapter.SraMain');

my $cds = "$home${sep}cds";
my $archive = "$cds$sep" . fingerprint($java, @jars) . '.jsa';
my $checked = "$archive.checked";

if (-f $archive) {
    my @st = stat(_);
    if (open(my $in, '<', $checked)) {
        my $recorded = <$in> // '';
        close($in);
        if ($recorded eq "$st[7] $st[9]\n") {
            # VerifySharedSpaces: the JVM checks the archive's checksums before mapping it, so a
            # corrupted archive is skipped (a warning on stderr) instead of crashing the JVM.
            run_and_exit($java, @args, '-XX:+VerifySharedSpaces', "-XX:SharedArchiveFile=$archive", @main);
        }
    }
}

# No usable archive: the one process that gets the lock (re)creates it; the others run without it.
my $lock;
if ((-d $cds || mkdir($cds)) && open($lock, '>>', "$cds${sep}create.lock") && flock($lock, 6)) { # LOCK_EX|LOCK_NB
    unlink($archive, $checked);
    remove_old_archives();
    my $temporary = "$archive.$$.tmp";
    my $status = run($java, @args, "-XX:ArchiveClassesAtExit=$temporary", @main);
    if (-f $temporary && verified($temporary)) {
        my @st = stat($temporary);
        my $note = "$checked.$$.tmp";
        my $out;
        # recorded first, then published: a reader never sees an archive without its record
        unless (open($out, '>', $note) && print($out "$st[7] $st[9]\n") && close($out)
                && rename($note, $checked) && rename($temporary, $archive)) {
            unlink($note, $temporary, $checked);
        }
    } else {
        unlink($temporary);
    }
    close($lock);
    exit $status;
}
close($lock) if $lock;
run_and_exit($java, @args, @main);

sub script_folder {
    my $script = $0;
    if ($script !~ m{^(?:/|\\|[A-Za-z]:)}) {
        require Cwd;
        $script = Cwd::getcwd() . $sep . $script;
    }
    $script =~ s{[/\\][^/\\]*$}{};
    return $script;
}

sub find_java {
    my $exe = $windows ? 'java.exe' : 'java';
    my $bundled = "$home${sep}jre${sep}bin$sep$exe";
    return $bundled if -x $bundled;
    if ($ENV{JAVA_HOME}) {
        my $candidate = "$ENV{JAVA_HOME}${sep}bin$sep$exe";
        return $candidate if -x $candidate;
    }
    for my $dir (split($windows ? ';' : ':', $ENV{PATH} // '')) {
        my $candidate = "$dir$sep$exe";
        return $candidate if -f $candidate && -x _;
    }
    print "OpenSRA: no Java runtime found (looked for sra/jre, \$JAVA_HOME and java on PATH)\n";
    exit 2;
}

# Every setting the JDK's StAX reader looks up when its factory is made, given here (the JDK's own secure
# limits, its default parser, no XML catalogs; the adapter turns DTDs and external entities off itself)
# so that the JDK does not go on to look for them in $JAVA_HOME/conf/jaxp.properties: that look-up is
# the JDK's first string concatenation and spins a dozen method-handle classes, about 15 ms of every
# command. A setting missing here costs only that time; CommandPlTest counts the classes spun.
sub jaxp_settings {
    my %jdk = (
        'jdk.xml.entityExpansionLimit' => 64000, 'jdk.xml.maxOccurLimit' => 5000,
        'jdk.xml.elementAttributeLimit' => 10000, 'jdk.xml.totalEntitySizeLimit' => 50000000,
        'jdk.xml.maxGeneralEntitySizeLimit' => 0, 'jdk.xml.maxParameterEntitySizeLimit' => 1000000,
        'jdk.xml.maxElementDepth' => 0, 'jdk.xml.maxXMLNameLimit' => 1000,
        'jdk.xml.entityReplacementLimit' => 3000000, 'javax.xml.accessExternalDTD' => 'all',
        'javax.xml.accessExternalSchema' => 'all', 'javax.xml.useCatalog' => 'false',
        'javax.xml.parsers.SAXParserFactory' => 'com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl',
        'jdk.xml.resetSymbolTable' => 'false', 'jdk.xml.overrideDefaultParser' => 'false',
        'jdk.xml.cdataChunkSize' => 0,
    );
    return map { "-D$_=$jdk{$_}" } sort keys %jdk;
}

sub jars {
    my ($dir) = @_;
    opendir(my $dh, $dir) or return ();
    my @found = sort map { "$dir$sep$_" } grep { /\.jar$/i } readdir($dh);
    closedir($dh);
    return @found;
}

# The runtime (java's path, size and time, following links) and every jar (path, size, time), as
# two 32-bit FNV-1a hashes.
sub fingerprint {
    my $text = '';
    for my $file (@_) {
        my @st = stat($file);
        $text .= @st ? "$file $st[7] $st[9]\n" : "$file missing\n";
    }
    my ($h1, $h2) = (2166136261, 3339675911);
    for my $c (unpack('C*', $text)) {
        $h1 = (($h1 ^ $c) * 16777619) & 0xffffffff;
        $h2 = (($h2 ^ $c) * 16777619) & 0xffffffff;
    }
    return sprintf('%08x%08x', $h1, $h2);
}

# The JVM's own check of a new archive (checksums and class path), once, before it is published.
sub verified {
    my ($candidate) = @_;
    open(my $saved_out, '>&', \*STDOUT) or return 0;
    open(my $saved_err, '>&', \*STDERR) or return 0;
    my $null = $windows ? 'NUL' : '/dev/null';
    open(STDOUT, '>', $null);
    open(STDERR, '>', $null);
    my $rc = system { $java } $java, @args, '-Xshare:on', '-XX:+VerifySharedSpaces',
        "-XX:SharedArchiveFile=$candidate", $main[0], $main[1], '-version';
    open(STDOUT, '>&', $saved_out);
    open(STDERR, '>&', $saved_err);
    return $rc == 0;
}

sub remove_old_archives {
    opendir(my $dh, $cds) or return;
    for my $old (grep { /\.jsa(?:\.checked)?$/ } readdir($dh)) {
        unlink("$cds$sep$old");
    }
    closedir($dh);
}

sub run {
    my @command = @_;
    my $rc = system { $command[0] } @command;
    if ($rc == -1) {
        print "OpenSRA: cannot run $command[0]: $!\n";
        return 2;
    }
    return ($? & 127) ? 128 + ($? & 127) : $? >> 8;
}

sub run_and_exit {
    my @command = @_;
    if (!$windows) {
        exec { $command[0] } @command;
        print "OpenSRA: cannot run $command[0]: $!\n";
        exit 2;
    }
    exit run(@command);
}
