#!/usr/bin/perl
# OpenSRA: the script SRM runs as `perl command.pl < request.xml` in the SRA install folder (INV-1).
# No logic lives here: it runs org.opensra.adapter.SraMain on the Java runtime bundled in sra/jre with
# stdin passed through and Java's exit status. Core Perl only, and as little of it as possible: every
# module loaded here adds to the latency of every SRM command.
#
# Java: sra/jre/bin/java and nothing else (never PATH, never JAVA_HOME). A missing or broken sra/jre
# (no java, no lib/modules, no JVM library) gives one line on stdout and exit status 2.
#
# Process: on Unix perl execs Java, always, so the process SRM started is the one doing the command and
# a kill of it leaves no OpenSRA process behind (no child, no helper). On Windows exec is not real:
# perl runs Java and exits with its status.
#
# Startup archive, in sra/cds, named by a fingerprint of the runtime (java, lib/modules) and of every
# jar (path, size, time), so a moved folder, a new runtime or new jars never use an old archive:
# - <fp>.aot (JDK >= 24: AOT cache) or <fp>.jsa (older runtimes: static AppCDS, dumped from the classes a
#   training run loaded), made by `perl command.pl --make-archive [jsa]` (the install step: dist's build and the appliance image run it,
#   where the folder will be used; it keeps an archive that is up to date) with a queryInfo run as the
#   training run, followed by each driver's client stack run in memory (a TLS handshake with a throwaway
#   key, an answer parsed: see training_key), checked by the JVM and only then published.
# - Without a usable archive, the one command that gets cds/create.lock (flock, not blocking) removes
#   every old archive and runs with -XX:ArchiveClassesAtExit=<fp>.jsa.<pid>.tmp: the JVM it execs
#   writes the archive at exit, and keeps the lock (its fd is inherited across exec) until it has
#   exited. The others run without an archive meanwhile. A later command that gets the lock publishes
#   a finished dump (the JVM writes the archive's header, with its magic number, last: a dump cut short
#   by a kill has no header and is deleted) by renaming it to <fp>.jsa. No archive is ever made by a
#   second process while the command runs or waits.
# - Each archive has a record <archive>.checked of its size, time, change time and inode, written once the
#   JVM has checked the archive (-XX:+VerifySharedSpaces: its checksums) where it lies. A command whose
#   archive matches its record in all four uses it without checking it again: any write to the file, even
#   one that keeps its size and resets its time, changes its change time (a corrupt archive crashes the
#   JVM, so it must never be used unchecked). An archive that was copied or unpacked (size and time as
#   recorded, the change time or inode not; the appliance image's record has no change time) is checked
#   again by the command that gets the lock, which records it anew; the others, and every command where
#   cds cannot be written, pass -XX:+VerifySharedSpaces (about 20 ms): the JVM checks the archive and runs
#   without it if it is corrupt. An archive whose size or time differs from its record is deleted and made
#   again. A cds folder that cannot be written never makes a command fail (it runs without an archive).
use strict; # and no `use warnings`: loading warnings.pm alone would add 2.5 ms to every command

my $windows = $^O eq 'MSWin32';
my $sep = $windows ? '\\' : '/';
my $home = script_folder();

my $jre = "$home${sep}jre";
my $java = "$jre${sep}bin$sep" . ($windows ? 'java.exe' : 'java');
my $modules = "$jre${sep}lib${sep}modules";
my $jvm = $windows ? "$jre\\bin\\server\\jvm.dll"
        : "$jre/lib/server/libjvm." . ($^O eq 'darwin' ? 'dylib' : 'so');
unless (-f $java && -x _ && -f $modules && -f $jvm) {
    print "OpenSRA: the Java runtime of the SRA ($jre) is missing or broken; reinstall the SRA\n";
    exit 2;
}
my @jars = jars("$home${sep}lib");
if (!@jars) {
    print "OpenSRA: no jar in $home${sep}lib; reinstall the SRA\n";
    exit 2;
}
# G1, the default collector, on purpose: the JVM maps its archived module graph only with G1, which
# saves about 12 ms of every start over -XX:+UseSerialGC (measured on JDK 17).
my @args = ('-XX:TieredStopAtLevel=1', '-XX:-UsePerfData',
            '-Xlog:all=off', '-Xlog:all=warning:stderr', jaxp_settings());
my @main = ('-cp', join($windows ? ';' : ':', @jars), 'org.opensra.adapter.SraMain');

my $cds = "$home${sep}cds";
my $base = "$cds$sep" . fingerprint($java, $modules, @jars);

make_archive() if @ARGV && $ARGV[0] eq '--make-archive';

my $lock;
for my $archive ("$base.aot", "$base.jsa") {
    my $state = recorded($archive);
    run_and_exit(@args, archive_option($archive), @main) if $state == 2;
    next unless $state == 1;
    # copied or unpacked: checked again by the command that gets the lock, the others check it as they use it
    run_and_exit(@args, '-XX:+VerifySharedSpaces', archive_option($archive), @main) unless take_lock(0);
    if (verified($archive)) {
        record($archive);
        close($lock);
        run_and_exit(@args, archive_option($archive), @main);
    }
    last; # corrupt: deleted below, and made again
}

# No usable archive: the one command that gets the lock publishes a finished dump or has its JVM make
# one; the others run without.
if ($lock || take_lock(0)) {
    my $dump = finished_dump();
    if ($dump && publish($dump, "$base.jsa")) {
        close($lock);
        run_and_exit(@args, "-XX:SharedArchiveFile=$base.jsa", @main);
    }
    remove_archives();
    run_and_exit(@args, "-XX:ArchiveClassesAtExit=$base.jsa.$$.tmp", @main);
}
close($lock) if $lock;
run_and_exit(@args, @main);

sub script_folder {
    my $script = $0;
    if ($script !~ m{^(?:/|\\|[A-Za-z]:)}) {
        require Cwd;
        $script = Cwd::getcwd() . $sep . $script;
    }
    $script =~ s{[/\\][^/\\]*$}{};
    return $script;
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

# Every file given (path, size, time, following links) as two 32-bit FNV-1a hashes.
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

# 2: the archive is there as its record gives it (size, time, change time, inode), and was last changed in
# an earlier second than the record was written (times have whole seconds here: a change in the same second
# would keep the change time); 1: with the size and time of its record only (copied, unpacked, recorded in
# the second it changed, or a record without change time); 0: not there, or changed.
sub recorded {
    my ($archive) = @_;
    my @st = stat($archive) or return 0;
    open(my $in, '<', "$archive.checked") or return 0;
    my $written = (stat($in))[9];
    my $recorded = <$in> // '';
    close($in);
    my ($size, $time, $changed, $inode) = split(' ', $recorded);
    return 0 unless defined($time) && $size eq $st[7] && $time eq $st[9];
    return defined($inode) && $changed eq $st[10] && $inode eq $st[1] && $changed < $written ? 2 : 1;
}

# Writes the record of the archive as it lies now (a new file renamed over the old one).
sub record {
    my ($archive) = @_;
    my @st = stat($archive) or return 0;
    my $note = "$archive.checked.$$.tmp";
    my $out;
    return 1 if open($out, '>', $note) && print($out "$st[7] $st[9] $st[10] $st[1]\n") && close($out)
                && rename($note, "$archive.checked");
    unlink($note);
    return 0;
}

# The JVM maps the archive and checks its checksums (it fails when it cannot use it).
sub verified {
    my ($archive) = @_;
    my $null = $windows ? 'NUL' : '/dev/null';
    my $mode = $archive =~ /\.aot$/ ? '-XX:AOTMode=on' : '-Xshare:on';
    return quiet($null, $null, @args, $mode, '-XX:+VerifySharedSpaces', archive_option($archive),
                 $main[0], $main[1], '-version') == 0;
}

# cds/create.lock held in $lock (flock; waiting for it when asked to), or false. $^F raised: the lock's fd
# stays open across exec (Perl sets close-on-exec on fds above $^F), so a JVM that makes the archive holds
# the lock until it exits.
sub take_lock {
    my ($wait) = @_;
    local $^F = 1023;
    return (-d $cds || mkdir($cds)) && open($lock, '>>', "$cds${sep}create.lock")
           && flock($lock, $wait ? 2 : 6); # LOCK_EX, LOCK_EX|LOCK_NB
}

sub archive_option {
    my ($archive) = @_;
    return $archive =~ /\.aot$/ ? "-XX:AOTCache=$archive" : "-XX:SharedArchiveFile=$archive";
}

# A dump left by an earlier command's JVM (called with the lock held, so none is being written): the
# one whose header is there (magic 0xf00baba8 of a dynamic archive, written last); the others go.
sub finished_dump {
    opendir(my $dh, $cds) or return undef;
    my @dumps = grep { /\.jsa\.\d+\.tmp$/ } readdir($dh);
    closedir($dh);
    my $found;
    my $prefix = substr($base, length($cds) + 1) . '.jsa.';
    for my $name (@dumps) {
        my $path = "$cds$sep$name";
        if (!$found && substr($name, 0, length($prefix)) eq $prefix && open(my $in, '<', $path)) {
            binmode($in);
            my $magic = '';
            read($in, $magic, 4);
            close($in);
            if (length($magic) == 4 && unpack('L', $magic) == 0xf00baba8) {
                $found = $path;
                next;
            }
        }
        unlink($path);
    }
    return $found;
}

# Published (renamed to its final name: nobody sees a half-written archive), checked there by the JVM, and
# only then recorded (a rename changes the change time). Called with the lock held: a command that sees the
# archive before its record tries the lock, fails to get it and runs without an archive.
sub publish {
    my ($file, $archive) = @_;
    unlink("$archive.checked");
    return 1 if rename($file, $archive) && verified($archive) && record($archive);
    unlink($file, $archive, "$archive.checked");
    return 0;
}

sub remove_archives {
    opendir(my $dh, $cds) or return;
    for my $old (grep { /\.(?:jsa|aot|checked|tmp|aotconf)$/ } readdir($dh)) {
        unlink("$cds$sep$old");
    }
    closedir($dh);
}

sub run_and_exit {
    if (!$windows) {
        exec { $java } $java, @_;
        print "OpenSRA: cannot run the Java runtime of the SRA ($java): $!\n";
        exit 2;
    }
    exit run($java, @_);
}

sub run {
    my $rc = system { $_[0] } @_;
    if ($rc == -1) {
        print "OpenSRA: cannot run the Java runtime of the SRA ($_[0]): $!\n";
        return 2;
    }
    return ($? & 127) ? 128 + ($? & 127) : $? >> 8;
}

# `perl command.pl --make-archive`: the install step that makes the startup archive for this folder
# (its paths are part of the archive: run it where the folder will be used). It waits for the lock;
# unless the folder's archive is there already, it trains on a queryInfo run in cds/training and
# publishes the archive once the JVM has checked it. Prints one line; exit status 0 when the archive is
# made or up to date, 1 when not (commands then make one).
sub make_archive {
    take_lock(1) or fail_archive("cannot lock $cds${sep}create.lock: $!");
    # `--make-archive jsa`: a static AppCDS archive even on JDK >= 24 (the appliance image uses it: -Xshare:dump
    # writes the same bytes from the same class list on every build; JDK 25's AOT cache does not, nor does a
    # dynamic dump, whose method order follows the addresses malloc gave the symbols)
    my $kind = ($ARGV[1] // '') eq 'jsa' || runtime_version() < 24 ? 'jsa' : 'aot';
    my $archive = "$base.$kind";
    my $state = recorded($archive);
    if ($state == 2 || ($state == 1 && verified($archive) && record($archive))) {
        print "OpenSRA: startup archive $archive is up to date\n";
        exit 0;
    }
    remove_archives();
    # fixed names, no pid (we hold the lock): the paths of the training run end up in the archive, and an
    # archive made by the image build must be the same bytes on every build
    my $work = "$cds${sep}training";
    clear_folder($work);
    mkdir($work) or fail_archive("cannot make $work: $!");
    my $request = "$work${sep}queryInfo.xml";
    open(my $out, '>', $request) or fail_archive("cannot write $request: $!");
    print $out qq(<?xml version="1.0" encoding="UTF-8"?>\n<Command xmlns="http://www.vmware.com/srm/sra/v2">\n)
        . "<Name>queryInfo</Name><OutputFile>$work${sep}response.xml</OutputFile>"
        . "<StatusFile>$work${sep}status.xml</StatusFile><LogLevel>verbose</LogLevel>"
        . "<LogDirectory>$work</LogDirectory></Command>\n";
    close($out);
    my $made = "$archive.making";
    unlink($made);
    my $log = "$work${sep}java.log";
    my @train = training_key($work, $request, $log);
    my $ok;
    if ($kind eq 'aot') {
        my $conf = "$work${sep}opensra.aotconf";
        $ok = quiet($request, $log, @args, @train, '-XX:AOTMode=record', "-XX:AOTConfiguration=$conf", @main) == 0
            && quiet($request, $log, @args, '-XX:AOTMode=create', "-XX:AOTConfiguration=$conf",
                     "-XX:AOTCache=$made", @main) == 0;
    } else {
        my $list = "$work${sep}classes.lst";
        $ok = quiet($request, $log, @args, @train, "-XX:DumpLoadedClassList=$list", @main) == 0
            && without_resolved_entries($list)
            && quiet($request, $log, @args, '-Xshare:dump', "-XX:SharedClassListFile=$list",
                     "-XX:SharedArchiveFile=$made", $main[0], $main[1]) == 0;
    }
    fail_archive("the JVM did not make it; see $log") unless $ok && -f $made;
    publish($made, $archive) or fail_archive("the JVM made $archive but does not use it (or it cannot be published)");
    # recorded again in a later second than the archive's last change, so that commands trust the record
    my $changed = (stat($archive))[10];
    select(undef, undef, undef, 0.1) while time() <= $changed;
    record($archive) or fail_archive("cannot write $archive.checked: $!");
    clear_folder($work);
    print "OpenSRA: startup archive $archive made\n";
    exit 0;
}

# A throwaway key for the training run (made with the runtime's keytool, deleted with the training folder):
# after its queryInfo the training's JVM runs each driver's client stack against an in-memory TLS server with
# it (org.opensra.adapter.ArchiveTraining), so that the archive holds the classes of a TLS handshake too.
# Its store password is random and goes to keytool and Java in the environment only. Returns the JVM option
# that asks for that part of the training, or nothing when the key cannot be made (a smaller archive).
sub training_key {
    my ($work, $input, $log) = @_;
    my $keytool = "$jre${sep}bin$sep" . ($windows ? 'keytool.exe' : 'keytool');
    return () unless -x $keytool;
    my $key = "$work${sep}training.p12";
    $ENV{OPENSRA_TRAINING_STOREPASS} = join('', map { ('a' .. 'z', '0' .. '9')[int(rand(36))] } 1 .. 24);
    my $rc = quiet_program($keytool, $input, $log, '-genkeypair', '-alias', 'training', '-keyalg', 'EC', '-groupname', 'secp256r1',
                   '-sigalg', 'SHA256withECDSA', '-validity', '2', '-dname', 'CN=OpenSRA startup archive training',
                   '-storetype', 'PKCS12', '-keystore', $key, '-storepass:env', 'OPENSRA_TRAINING_STOREPASS');
    return $rc == 0 && -f $key ? ("-Dopensra.training.key=$key") : ();
}

# Drops the class list's @cp lines (the constant pool entries the training run happened to resolve): they follow
# the training key's random numbers (which BigInteger paths ran), so with them two builds of the image made
# different archives (3 digests in 6 builds); without them the static dump is the same bytes every time, of the
# same size and as fast to start (measured: queryInfo 71 vs 77 ms, discoverArrays over TLS 398 vs 396 ms).
sub without_resolved_entries {
    my ($list) = @_;
    open(my $in, '<', $list) or return 0;
    my @kept = grep { index($_, '@cp ') != 0 } <$in>;
    close($in);
    open(my $out, '>', $list) or return 0;
    print $out @kept;
    return close($out);
}

sub clear_folder {
    my ($folder) = @_;
    if (opendir(my $dh, $folder)) {
        unlink(map { "$folder$sep$_" } grep { $_ ne '.' && $_ ne '..' } readdir($dh));
        closedir($dh);
    }
    rmdir($folder);
}

sub fail_archive {
    print "OpenSRA: no startup archive made: $_[0]\n";
    exit 1;
}

# The runtime's feature version, from its release file (JAVA_VERSION="25.0.3").
sub runtime_version {
    open(my $in, '<', "$jre${sep}release") or return 0;
    while (my $line = <$in>) {
        return $1 if $line =~ /^JAVA_VERSION="(\d+)/;
    }
    return 0;
}

# Java with stdin from $input, stdout and stderr appended to $log; its exit status.
sub quiet {
    my ($input, $log, @command) = @_;
    return quiet_program($java, $input, $log, @command);
}

# The same for another program of the runtime (keytool).
sub quiet_program {
    my ($program, $input, $log, @command) = @_;
    open(my $saved_in, '<&', \*STDIN) or return 2;
    open(my $saved_out, '>&', \*STDOUT) or return 2;
    open(my $saved_err, '>&', \*STDERR) or return 2;
    open(STDIN, '<', $input);
    open(STDOUT, '>>', $log);
    open(STDERR, '>&', \*STDOUT);
    my $rc = run($program, @command);
    open(STDIN, '<&', $saved_in);
    open(STDOUT, '>&', $saved_out);
    open(STDERR, '>&', $saved_err);
    return $rc;
}
