#!/usr/bin/perl
# OpenSRA: the script SRM runs as `perl command.pl < request.xml` in the SRA install folder (INV-1).
# No logic lives here: it finds Java, runs org.opensra.adapter.SraMain with stdin passed through and
# exits with Java's status. Core Perl modules only.
#
# Java: sra/jre/bin/java (a bundled runtime) first, then $JAVA_HOME/bin/java, then java on PATH.
# Startup: an AppCDS archive of the adapter's classes, sra/cds/<fingerprint>.jsa, is created on the
# first run (one creator at a time; concurrent commands run without it) and used afterwards. The
# fingerprint covers the Java runtime and the jars, so a new JDK or new jars get a new archive. A
# missing, stale or corrupt archive, or a read-only install folder, never makes a command fail (a
# corrupt archive is skipped; delete sra/cds to have it made again).
use strict;
use warnings;
use FindBin ();
use File::Spec ();
use Cwd ();
use Fcntl qw(:flock O_RDWR O_CREAT);
use Digest::MD5 ();

my $home = $FindBin::RealBin;
my $windows = $^O eq 'MSWin32';
my $exe = $windows ? 'java.exe' : 'java';

my $java = find_java();
my @jars = sort glob(File::Spec->catfile(quote_glob($home), 'lib', '*.jar'));
if (!@jars) {
    print "OpenSRA: no jar in " . File::Spec->catdir($home, 'lib') . "; reinstall the SRA\n";
    exit 2;
}
my @args = ('-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-Xshare:auto',
            '-Xlog:disable', '-Xlog:all=warning:stderr');
my $classpath = join($windows ? ';' : ':', @jars);
my $main = 'org.opensra.adapter.SraMain';

my $cds_dir = File::Spec->catdir($home, 'cds');
my $archive = File::Spec->catfile($cds_dir, fingerprint($java, @jars) . '.jsa');

if (-f $archive && -s _ > 4096) {
    # VerifySharedSpaces checks the archive's checksums first: a corrupt archive is then skipped with a
    # warning on stderr instead of crashing the JVM.
    run_and_exit($java, @args, '-XX:+VerifySharedSpaces', "-XX:SharedArchiveFile=$archive", '-cp', $classpath, $main);
}

# No archive yet: the one process that gets the lock creates it at exit; the others run without it.
my $lock;
if ((-d $cds_dir || mkdir $cds_dir)
        && sysopen($lock, File::Spec->catfile($cds_dir, 'create.lock'), O_RDWR | O_CREAT)
        && flock($lock, LOCK_EX | LOCK_NB)
        && !(-f $archive && -s _ > 4096)) {
    my $temporary = "$archive.$$.tmp";
    my $status = run($java, @args, "-XX:ArchiveClassesAtExit=$temporary", '-cp', $classpath, $main);
    if (-f $temporary && -s _ > 4096) {
        rename($temporary, $archive) or unlink($temporary);
        remove_old_archives($cds_dir, $archive);
    } else {
        unlink($temporary);
    }
    close($lock);
    exit $status;
}
close($lock) if $lock;
run_and_exit($java, @args, '-cp', $classpath, $main);

sub find_java {
    my $bundled = File::Spec->catfile($home, 'jre', 'bin', $exe);
    return $bundled if -x $bundled;
    if ($ENV{JAVA_HOME}) {
        my $candidate = File::Spec->catfile($ENV{JAVA_HOME}, 'bin', $exe);
        return $candidate if -x $candidate;
    }
    for my $dir (File::Spec->path()) {
        my $candidate = File::Spec->catfile($dir, $exe);
        return $candidate if -f $candidate && -x _;
    }
    print "OpenSRA: no Java runtime found (looked for sra/jre, \$JAVA_HOME and java on PATH)\n";
    exit 2;
}

# The runtime (real path of java, its lib/modules and release file) and every jar (name, size,
# modification time): an archive is only valid for exactly these.
sub fingerprint {
    my ($java_path, @files) = @_;
    my $md5 = Digest::MD5->new;
    my $real = Cwd::abs_path($java_path) // $java_path;
    $md5->add("java=$real\n");
    my (undef, $bin) = File::Spec->splitpath($real);
    my $runtime = Cwd::abs_path(File::Spec->catdir($bin, File::Spec->updir())) // $bin;
    for my $file (File::Spec->catfile($runtime, 'lib', 'modules'), File::Spec->catfile($runtime, 'release'), $real, @files) {
        my @st = stat($file);
        $md5->add(@st ? "$file $st[7] $st[9]\n" : "$file missing\n");
    }
    return $md5->hexdigest;
}

sub remove_old_archives {
    my ($dir, $keep) = @_;
    for my $old (glob(File::Spec->catfile(quote_glob($dir), '*.jsa'))) {
        unlink($old) if $old ne $keep;
    }
}

sub quote_glob {
    my ($path) = @_;
    $path =~ s/([\\\[\]{}*?~\s])/\\$1/g unless $windows;
    return $path;
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
        no warnings 'exec';
        exec { $command[0] } @command;
        print "OpenSRA: cannot run $command[0]: $!\n";
        exit 2;
    }
    exit run(@command);
}
