#!/usr/bin/perl
# A tiny fake SRA for testing the SRM emulator: models two arrays (sites A and B) in DIR/state.bin,
# devices as files DIR/<site>/<id>. The connection's managementAddress is DIR/<site>.
# Faults (one per line in the file "faults" next to this script) make it misbehave on purpose.
use strict;
use warnings;
use Fcntl qw(:flock);
use Storable qw(nstore retrieve);
# lean on purpose (every command is a new process): no JSON::PP, POSIX, File::Copy, File::Basename
sub dirname { my ($p) = @_; return "." unless $p =~ m{/}; $p =~ s{/+[^/]*$}{}; return length $p ? $p : "/" }
sub basename { my ($p) = @_; $p =~ s{.*/}{}; return $p }
sub stamp { my ($gmt, $fmt) = @_; my @t = $gmt ? gmtime : localtime; return sprintf($fmt, $t[5] + 1900, $t[4] + 1, @t[3, 2, 1, 0]) }
sub copy {
    my ($from, $to) = @_;
    open my $i, '<:raw', $from or return 0; local $/; my $d = <$i>; close $i;
    open my $o, '>:raw', $to or return 0; print $o $d; close $o; return 1;
}

my $here = dirname(__FILE__);
my %fault;
if (open my $ff, '<', "$here/faults") { while (<$ff>) { chomp; $fault{$_} = 1 if length } close $ff }

local $/;
my $req = <STDIN>;
my ($cmd) = $req =~ m{<Name>\s*([^<]*?)\s*</Name>};
my ($out) = $req =~ m{<OutputFile>([^<]*)</OutputFile>};
my ($statusf) = $req =~ m{<StatusFile>([^<]*)</StatusFile>};
my ($addr) = $req =~ m{<Address id="[^"]*">([^<]*)</Address>};
my ($pw) = $req =~ m{<Password>([^<]*)</Password>};
my ($array_id) = $req =~ m{<ArrayId>([^<]*)</ArrayId>};
unless ($fault{'strict-text'}) { for ($addr, $array_id) { s/^\s+|\s+$//g if defined } }
my ($prefix) = $req =~ m{<Opaque id="deviceNamePrefix">([^<]*)</Opaque>};
$prefix = undef if $fault{'filter-ignored'};
$cmd //= '';

my $SIG = 'Fake SRA 1.0 (build 2026-11-25)';
sub ts { stamp(0, '%04d-%02d-%02d %02d:%02d:%02d') }
sub logm { print ts() . " [verbose] $_[0]\n" }
logm("$SIG") unless $fault{'no-signature'};
logm("command $cmd");
logm("bytes \xff\xfe from a non-UTF-8 log") if $fault{'log-not-utf8'};
print "a line without a time stamp\n" if $fault{'no-timestamp'};
{ my ($u) = $req =~ m{<Username>\s*([^<]*?)\s*</Username>}; logm("logged in as $u") if $fault{'username-in-log'} && defined $u; }
logm("connection password $pw") if $fault{'password-in-log'} && defined $pw;

sub progress {
    my ($n) = @_;
    return unless $statusf;
    open my $s, '>>', $statusf or return;
    print $s qq{<ProgressUpdate xmlns="http://www.vmware.com/srm/sra/v2">$n</ProgressUpdate>\n};
    close $s;
}
progress($fault{'progress-out-of-range'} ? 150 : 0);
if ($fault{'progress-backwards'}) { progress(60); progress(20) }
if ($fault{'progress-malformed'} && $statusf) { open my $s, '>>', $statusf; print $s "<ProgressUpdate>40</ProgressUpdate>\n"; close $s }

sub respond {
    my ($body) = @_;
    open my $o, '>', $out or die "cannot write $out";
    if ($fault{'wrong-root'} && $cmd eq 'queryInfo') {
        print $o qq{<?xml version="1.0" encoding="UTF-8"?>\n<Answer xmlns="http://www.vmware.com/srm/sra/v2">$body</Answer>\n};
    } elsif ($fault{'bad-xml'} && $cmd eq 'discoverArrays') {
        print $o qq{<?xml version="1.0"?>\n<Response xmlns="http://www.vmware.com/srm/sra/v2"><Arrays>};
    } else {
        print $o qq{<?xml version="1.0" encoding="UTF-8"?>\n<Response xmlns="http://www.vmware.com/srm/sra/v2">\n$body</Response>\n};
    }
    close $o;
    progress(100);
    exit 0;
}
sub error { my ($code, %p) = @_; my $x = join '', map { "<$_>" . esc($p{$_}) . "</$_>" } sort keys %p; return qq{<Error code="$code">$x</Error>} }
sub esc { my $s = shift // ''; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g; $s =~ s/"/&quot;/g; return $s }

if ($fault{'slow'} && $cmd eq 'queryInfo') { sleep 30 }
respond(error(1009, Reason => 'DTDs are not accepted')) if $req =~ /<!DOCTYPE/ && !$fault{'accepts-dtd'};
respond(error(1009, Reason => 'request is not well-formed')) if $req !~ m{</Command>\s*$} && !$fault{'malformed-ok'};

# ---------- commands without an array ----------
my @locales = qw(de ja);
my %strings = (AdapterName => 'Fake SRA', AdapterVendor => 'OpenSRA tests', ConnTitle => 'Fake array',
    ConnHint => 'Folder of a fake array', AddrTitle => 'Array folder', AddrHint => 'DIR/site',
    FilterTitle => 'Device name prefix', FilterHint => 'Only devices whose name starts with it', UserTitle => 'Username', UserHint => 'Any', PwTitle => 'Password', PwHint => 'Any', ModelVendor => 'Fake vendor', PropName => 'Device name', PropRole => 'Replication role');
my %errors = (1009 => 'Malformed request: {Reason}', 1001 => 'Array {Address} unreachable', 1004 => 'Unknown device {DeviceId}', 1005 => 'Unknown key {Key}',
    1007 => 'Object {Object} in state {State}', 1011 => 'Test already running on {Key}', 1015 => 'Unknown sync {SyncId}');
my %warnings = (2001 => '{Object} already in the requested state', 2004 => '{Object} peer already failed over', 2003 => 'Replication settings of {Object} are not valid: set them by hand',
    2006 => 'Nothing to stop for {Key}');
for my $c (keys %errors) { $strings{"Desc$c"} = $errors{$c}; $strings{"Fix$c"} = "Fix $c" }
for my $c (keys %warnings) { $strings{"Desc$c"} = $warnings{$c}; $strings{"Fix$c"} = "Fix $c" }

if ($cmd eq 'queryInfo') {
    respond(($fault{'error-and-result'} ? qq{<Error code="1001"><Address>x</Address></Error>} : '') . qq{<AdapterInfo><Name stringId="AdapterName">Fake SRA</Name><Version>1.0</Version>}
        . qq{<Vendor stringId="AdapterVendor">} . ($fault{'blank-english'} ? '' : 'OpenSRA tests') . qq{</Vendor><Uuid>} . ($fault{'bad-uuid'} ? 'not-a-uuid' : '6b1f4c2e-9d3a-4e57-8a1b-2c3d4e5f6a7b') . qq{</Uuid>} . ($fault{'extra-element'} ? '<Colour>red</Colour>' : '') . qq{</AdapterInfo>\n});
}
if ($cmd eq 'queryCapabilities') {
    my @c = qw(queryInfo queryCapabilities queryConnectionParameters
        queryErrorDefinitions discoverArrays discoverDevices queryReplicationSettings syncOnce
        checkTestFailoverStart testFailoverStart testFailoverStop checkFailover prepareFailover
        prepareReverseReplication reverseReplication prepareRestoreReplication restoreReplication);
    @c = grep { $_ ne 'testFailoverStop' } @c if $fault{'missing-mandatory'};
    my $cmds = join '', map { qq{<Command name="$_"/>} } @c;
    $cmds .= $fault{'bad-exec-location'} ? q{<Command name="failover"><ExecutionLocation>target</ExecutionLocation></Command>} : q{<Command name="failover"/>};
    $cmds .= q{<Command name="querySyncStatus"/>} unless $fault{'cap-inconsistent'};
    $cmds .= q{<Command name="queryRecoveryPoints"/>};
    $cmds .= q{<Command name="queryDeviceDetails"><CustomProperties>}
        . q{<CustomProperty name="name"} . ($fault{'property-without-stringid'} ? '' : q{ stringId="PropName"}) . q{>Device name</CustomProperty>}
        . q{<CustomProperty name="role" stringId="PropRole">Replication role</CustomProperty></CustomProperties></Command>};
    $cmds .= $fault{'no-locales'} ? q{<Command name="queryStrings"/>}
        : q{<Command name="queryStrings"><Locales>} . join('', map { qq{<Locale id="$_"/>} } @locales) . q{</Locales></Command>};
    respond(qq{<AdapterCapabilities><ReplicationSoftwares><ReplicationSoftware><Name>fakerep</Name><Version>1</Version></ReplicationSoftware></ReplicationSoftwares>}
        . qq{<ArrayModels><ArrayModel><Name>fake</Name><Vendor stringId="ModelVendor">Fake vendor</Vendor></ArrayModel></ArrayModels>}
        . qq{<Features><ConsistencyGroups/><DeviceIdentification>wwn</DeviceIdentification><Protocols><Protocol>} . ($fault{'bad-protocol'} ? 'iscsi' : 'iSCSI') . qq{</Protocol></Protocols></Features>}
        . qq{<Commands>$cmds</Commands></AdapterCapabilities>\n});
}
if ($cmd eq 'queryConnectionParameters') {
    respond(qq{<AdapterConnectionParameters><Connection id="array"><Title stringId="ConnTitle">} . ($fault{'long-title'} ? 'x' x 80 : 'Fake array') . qq{</Title><Hint stringId="ConnHint">Folder of a fake array</Hint>}
        . qq{<Addresses><Address id="managementAddress"><Title stringId="AddrTitle">Array folder</Title><Hint stringId="AddrHint">DIR/site</Hint></Address></Addresses>}
        . qq{<Username><Title stringId="UserTitle">Username</Title><Hint stringId="UserHint">Any</Hint></Username>}
        . qq{<Password><Title stringId="PwTitle">Password</Title><Hint stringId="PwHint">Any</Hint></Password>}
        . qq{<Opaques><Opaque id="deviceNamePrefix" optional="true"><Title stringId="FilterTitle">Device name prefix</Title><Hint stringId="FilterHint">Only devices whose name starts with it</Hint></Opaque></Opaques></Connection></AdapterConnectionParameters>\n});
}
if ($cmd eq 'queryErrorDefinitions') {
    my @codes = sort keys %errors;
    push @codes, 1001 if $fault{'dup-error-code'};
    my $e = join '', map { qq{<ErrorDefinition code="$_"><Description stringId="Desc$_">} . esc($errors{$_}) . qq{</Description><FixHint stringId="Fix$_">Fix $_</FixHint></ErrorDefinition>} } @codes;
    my $w = join '', map { qq{<WarningDefinition code="$_"><Description stringId="Desc$_">} . esc($warnings{$_}) . qq{</Description><FixHint stringId="Fix$_">Fix $_</FixHint></WarningDefinition>} } sort keys %warnings;
    respond("<ErrorDefinitions>$e</ErrorDefinitions><WarningDefinitions>$w</WarningDefinitions>\n");
}
if ($cmd eq 'queryStrings') {
    my ($loc) = $req =~ m{<Locale>\s*([^<]*?)\s*</Locale>};
    respond(qq{<Error code="101"><Locale>} . esc($loc) . qq{</Locale></Error>}) unless grep { $_ eq $loc } @locales;
    my @ids = sort keys %strings;
    shift @ids if $fault{'untranslated'} && $loc eq 'de';
    respond(qq{<Strings locale="$loc">} . join('', map { qq{<String id="$_">[$loc] } . esc($strings{$_}) . "</String>" } @ids) . "</Strings>\n");
}
my %array_cmds = map { $_ => 1 } qw(discoverArrays discoverDevices queryReplicationSettings syncOnce querySyncStatus queryDeviceDetails queryRecoveryPoints
    checkTestFailoverStart testFailoverStart testFailoverStop checkFailover prepareFailover failover
    prepareReverseReplication reverseReplication prepareRestoreReplication restoreReplication);
respond(qq{<AdapterInfo/>}) if !$array_cmds{$cmd} && $fault{'unknown-command-ok'};
respond(qq{<Error code="100"><Command>} . esc($cmd) . qq{</Command></Error>\n}) unless $array_cmds{$cmd};

# ---------- array commands: shared state ----------
if (!-d $addr) {
    my $last;
    if ($fault{'ignores-address'} && open my $la, '<', "$here/last-address") { $last = <$la>; close $la }
    respond(error(1001, Address => $addr)) unless defined $last;
    $addr = $last;
}
if (open my $la, '>', "$here/last-address") { print $la $addr; close $la }
my $dir = dirname($addr);
my $site = basename($addr);
my $other = $site eq 'A' ? 'B' : 'A';
respond(error(1001, Address => $addr)) if -e "$dir/$site/down";
our $busy;
END { unlink $busy if $busy }
if ($fault{'concurrency-broken'} && $cmd eq 'discoverDevices') {
    respond('<ReplicatedDevices/>') if -e "$dir/discover.busy";
    $busy = "$dir/discover.busy";
    open my $b, '>', $busy; close $b;
    select(undef, undef, undef, 0.6);
}
open my $lock, '>', "$dir/state.lock" or die;
flock($lock, LOCK_EX);
my $st;
if (-e "$dir/state.bin") { $st = retrieve("$dir/state.bin") }
else {
    $st = { arrays => { A => 'array-a', B => 'array-b' }, seq => 0, syncs => {},
        vols => {
            'a-vol1' => { site => 'A', name => 'vol 1', role => 'source', peer => 'b-vol1', state => 'read-write' },
            'a-vol2' => { site => 'A', name => 'db 1', role => 'source', peer => 'b-vol2', state => 'read-write', group => 'a-grp1' },
            'a-vol3' => { site => 'A', name => 'db 2', role => 'source', peer => 'b-vol3', state => 'read-write', group => 'a-grp1' },
            'b-vol1' => { site => 'B', name => 'replica of vol 1', role => 'target', peer => 'a-vol1' },
            'b-vol2' => { site => 'B', name => 'replica of db 1', role => 'target', peer => 'a-vol2', group => 'b-grp1' },
            'b-vol3' => { site => 'B', name => 'replica of db 2', role => 'target', peer => 'a-vol3', group => 'b-grp1' },
        },
        groups => {
            'a-grp1' => { site => 'A', name => 'db', role => 'source', peer => 'b-grp1', state => 'read-write', members => ['a-vol2', 'a-vol3'] },
            'b-grp1' => { site => 'B', name => 'replica of db', role => 'target', peer => 'a-grp1', members => ['b-vol2', 'b-vol3'] },
        } };
}
sub save { nstore($st, "$dir/state.bin.tmp") or die; rename "$dir/state.bin.tmp", "$dir/state.bin" }
sub V { $st->{vols}{$_[0]} }
sub G { $st->{groups}{$_[0]} }
sub file { my ($id) = @_; my $v = V($id) // {}; return "$dir/" . ($v->{site} // $site) . "/$id" }
sub wwn { my $h = 0; $h = ($h * 31 + ord) % 4294967291 for split //, $_[0]; sprintf('60:0a:%08x', $h) }
sub copydata { my ($from, $to) = @_; mkdir dirname($to); if (-e $from) { copy($from, $to) or die "copy $from $to: $!" } else { unlink $to } }
sub rp { my $id = $_[0] // 'latest'; my $t = $fault{'no-recovery-point'} && $cmd eq 'failover' ? '2009-07-10T02:00:00Z' : $fault{'bad-rp-time'} && $cmd eq 'testFailoverStart' ? stamp(1, '%04d/%02d/%02d %02d:%02d:%02d') : stamp(1, '%04d-%02d-%02dT%02d:%02d:%02dZ'); qq{<RecoveryPoint id="} . esc($id) . qq{"><Time>$t</Time></RecoveryPoint>} }
sub step { my ($what, $code) = @_; $what = 'step' if $fault{'silent-steps'} && $cmd eq 'prepareFailover'; logm("Commence: $what"); $code->(); logm("Complete: $what") unless $fault{'unpaired-commence'} && $cmd eq 'failover'; }

sub items {    # ([groups], [devices]) from the request, by attribute (id or key)
    my ($gtag, $dtag, $attr) = @_;
    my @g = $req =~ m{<$gtag $attr="([^"]*)"}g;
    my @d = $req =~ m{<$dtag $attr="([^"]*)"}g;
    return (\@g, \@d);
}
sub members { my ($gid) = @_; @{ G($gid)->{members} } }
sub is_here { my ($id, $kind) = @_; my $o = $kind eq 'g' ? G($id) : V($id); return $o && $o->{site} eq $site ? $o : undef }

if ($cmd eq 'discoverArrays') {
    my $peer = $st->{arrays}{$other};
    $peer = 'array-x' if $fault{'peer-mismatch'} && $site eq 'B';
    respond(qq{<Arrays><Array id="$st->{arrays}{$site}"><Name>fake $site</Name><Model><Name>} . ($fault{'model-not-declared'} ? 'fake-x' : 'fake') . qq{</Name><Vendor stringId="ModelVendor">Fake vendor</Vendor></Model>}
        . qq{<ReplicationSoftware><Name>fakerep</Name><Version>1</Version></ReplicationSoftware><PeerArrays><PeerArray id="$peer"/></PeerArrays></Array></Arrays>\n});
}

sub src_dev_xml {
    my ($id) = @_; my $v = V($id);
    my $ident = (($v->{state} eq 'read-write' && !$v->{unpresented}) || $fault{'demoted-with-identity'}) ? '<Identity><Wwn>' . wwn($id) . '</Wwn></Identity>' : '';
    my $state = $fault{'source-reported-read-only'} ? 'read-only' : $v->{state};
    $ident = '<Identity><Lun>7</Lun></Identity>' if $fault{'bad-lun'} && $ident;
    return qq{<SourceDevice id="$id" state="$state"><Name>} . esc($v->{name}) . qq{</Name><TargetDevice key="$v->{peer}"/>$ident</SourceDevice>};
}
sub tgt_dev_xml {
    my ($id, $with_snap) = @_; my $v = V($id);
    my $prom = $v->{promoted} && !($fault{'no-promote-in-discovery'} && !$v->{group}) ? qq{ id="$id" state="read-write"} : '';
    my $ident = $v->{promoted} ? '<Identity><Wwn>' . wwn($id) . '</Wwn></Identity>' : '';
    my $snap = ($with_snap && $v->{snapshot} && !$fault{'no-snapshot-in-discovery'})
        ? qq{<Snapshot id="$v->{snapshot}"><Identity><Wwn>} . wwn($v->{snapshot}) . '</Wwn></Identity>' . rp() . '</Snapshot>' : '';
    return qq{<TargetDevice key="$id"$prom><Name>} . esc($v->{name}) . qq{</Name>$ident$snap</TargetDevice>};
}

if ($cmd eq 'discoverDevices') {
    logm("Discovering devices on array $array_id");
    my ($cg, $tg, $sd, $td) = ('', '', '', '');
    logm("Device name filter: " . (defined $prefix ? "\"$prefix\"" : 'none'));
    for my $gid (sort keys %{ $st->{groups} }) {
        my $g = G($gid); next unless $g->{site} eq $site;
        if (defined $prefix && index($g->{name}, $prefix) != 0) { logm("Excluding group $gid: name does not start with the prefix"); next }
        if ($g->{role} eq 'source') {
            $cg .= qq{<ConsistencyGroup id="$gid" state="$g->{state}"><Name>} . esc($g->{name}) . qq{</Name><TargetGroup key="$g->{peer}"/><SourceDevices>}
                . join('', map { src_dev_xml($_) } members($gid)) . '</SourceDevices></ConsistencyGroup>';
        } else {
            my $prom = $g->{promoted} ? qq{ id="$gid" state="read-write"} : '';
            my $snap = '';
            if ($g->{snapshot} && !$fault{'no-snapshot-in-discovery'}) {
                my $members = '<TargetDevices>'
                    . join('', map { qq{<TargetDevice key="$_"><Snapshot id="} . V($_)->{snapshot} . '"/></TargetDevice>' } members($gid))
                    . '</TargetDevices>';
                $snap = qq{<Snapshot id="$g->{snapshot}">} . ($fault{'group-snapshot-order'} ? rp() . $members : $members . rp()) . '</Snapshot>';
            }
            my @m = members($gid);
            pop @m if $fault{'group-mismatch'};
            $tg .= qq{<TargetGroup key="$gid"$prom><Name>} . esc($g->{name}) . '</Name><TargetDevices>'
                . join('', map { tgt_dev_xml($_, 0) } @m) . "</TargetDevices>$snap</TargetGroup>";
        }
    }
    for my $id (sort keys %{ $st->{vols} }) {
        my $v = V($id); next unless $v->{site} eq $site && !$v->{group};
        if (defined $prefix && index($v->{name}, $prefix) != 0) { logm("Excluding device $id: name does not start with the prefix"); next }
        logm($fault{'unquoted-names'} ? "Device $v->{name} ($id)" : "Device \"$v->{name}\" ($id)");
        if ($v->{role} eq 'source') { $sd .= src_dev_xml($id); $sd .= src_dev_xml($id) if $fault{'dup-device'} }
        else { $td .= tgt_dev_xml($id, 1) unless $fault{'missing-target'} }
    }
    my $b = '';
    $b .= "<ConsistencyGroups>$cg</ConsistencyGroups>" if $cg;
    $b .= "<TargetGroups>$tg</TargetGroups>" if $tg;
    $b .= "<SourceDevices>$sd</SourceDevices>" if $sd;
    $b .= "<TargetDevices>$td</TargetDevices>" if $td;
    respond("<ReplicatedDevices>$b</ReplicatedDevices>\n");
}

# per-item responses: source form (id) or target form (key)
my $target_form = $req =~ m{<(?:TargetGroups|TargetDevices)>};
my ($GT, $DT, $AT) = $target_form ? ('TargetGroup', 'TargetDevice', 'key') : ('ConsistencyGroup', 'SourceDevice', 'id');
($GT, $DT, $AT) = ('ConsistencyGroup', 'Device', 'id') if $cmd =~ /Replication$/ || $cmd eq 'queryDeviceDetails';
my ($gs, $ds) = items($GT, $DT, $AT);
my $results = ucfirst($cmd) . 'Results';
sub per_item {
    my ($fn, $resultname) = @_;
    my ($gx, $dx) = ('', '');
    for my $g (@$gs) { my ($inner, $attrs) = $fn->($g, 'g'); $gx .= qq{<$GT $AT="} . esc($g) . qq{"} . ($attrs // '') . ">$inner</$GT>" }
    for my $d (@$ds) { my ($inner, $attrs) = $fn->($d, 'd'); $dx .= qq{<$DT $AT="} . esc($d) . qq{"} . ($attrs // '') . ">$inner</$DT>" }
    my ($gc, $dc) = ($GT . 's', $DT . 's');
    my $b = '';
    $b .= "<$gc>$gx</$gc>" if $gx;
    $b .= "<$dc>$dx</$dc>" if $dx;
    save();
    respond("<" . ($resultname // $results) . ">$b</" . ($resultname // $results) . ">\n");
}
sub unknown {
    my ($id, $k) = @_;
    return qq{<Error code="1005"/>} if $fault{'error-without-placeholder'};
    return error(999, Key => $id) if $fault{'srm-code'};
    return qq{<Snapshot id="x"><Identity><Wwn>1</Wwn></Identity>} . rp() . '</Snapshot>' if $fault{'bogus-success'} && $cmd eq 'testFailoverStart';
    return $AT eq 'key' ? error(1005, Key => $id) : error(1004, DeviceId => $id);
}
sub devs_of { my ($id, $k) = @_; return $k eq 'g' ? members($id) : ($id) }

if ($cmd eq 'queryReplicationSettings') {
    respond(error(1007, Object => 'replication settings', State => 'unavailable')) if $fault{'rs-missing'};
    per_item(sub { my ($id, $k) = @_; is_here($id, $k) ? ('<ReplicationSettings><Schedule>every 5 minutes</Schedule></ReplicationSettings>') : (unknown($id)) }, 'ReplicationSettings');
}
if ($cmd eq 'queryDeviceDetails') {
    per_item(sub {
        my ($id) = @_;
        my $v = is_here($id, 'd') or return (unknown($id));
        my $role = $fault{'details-undeclared-property'} ? 'colour' : 'role';
        return (qq{<CustomProperties><CustomProperty name="name" value="} . esc($v->{name}) . qq{"/><CustomProperty name="$role" value="$v->{role}"/></CustomProperties>});
    }, 'DeviceDetails');
}
if ($cmd eq 'queryRecoveryPoints') {
    per_item(sub {
        my ($id, $k) = @_;
        is_here($id, $k) or return (unknown($id));
        return ('<RecoveryPoints>' . rp("rp-$id") . '</RecoveryPoints>');
    });
}
if ($cmd eq 'syncOnce') {
    ($GT, $DT, $AT) = ('TargetGroup', 'TargetDevice', 'key') if $fault{'sync-wrong-form'};
    per_item(sub {
        my ($id, $k) = @_;
        my $o = is_here($id, $k) or return (unknown($id));
        for my $dev (devs_of($id, $k)) {
            my ($src, $tgt) = $target_form ? (V($dev)->{peer}, $dev) : ($dev, V($dev)->{peer});
            my $skip = ($fault{'sync-paused-during-test'} && V($tgt)->{snapshot}) || ($fault{'sync-skips-demoted'} && (V($src)->{state} // '') eq 'read-only') || ($fault{'no-sync-from-B'} && V($src)->{site} eq 'B');
            step("Replica creation of $src to $tgt (method async)", sub { copydata(file($src), file($tgt)) unless $skip });
        }
        my $sid = 'sync-' . ++$st->{seq};
        $st->{syncs}{$sid} = { polls => 0 };
        return (error(1007, Object => $id, State => 'sync refused')) if $fault{'sync-status-bogus'};
        return (qq{<DeviceSync id="$sid" status="inProgress"><Progress>0</Progress><RemainingTimeEstimate>0</RemainingTimeEstimate></DeviceSync>});
    });
}
if ($cmd eq 'querySyncStatus') {
    my %sid = $req =~ m{$AT="([^"]*)" syncId="([^"]*)"}g;
    per_item(sub {
        my ($id) = @_;
        my $s = $st->{syncs}{ $sid{$id} // '' } or return (error(1015, SyncId => $sid{$id} // ''));
        return (error(1015, SyncId => $sid{$id})) if $fault{'sync-error'};
        return (qq{<DeviceSync id="$sid{$id}" status="} . ($fault{'sync-status-completed'} ? 'completed' : 'complete') . '"/>') if $s->{polls}++ >= 1;
        return (qq{<DeviceSync id="$sid{$id}" status="inProgress"><Progress>50</Progress><RemainingTimeEstimate>0</RemainingTimeEstimate></DeviceSync>});
    });
}
if ($cmd eq 'checkTestFailoverStart' || $cmd eq 'checkFailover') {
    per_item(sub { my ($id, $k) = @_; is_here($id, $k) ? (($fault{'check-no-success'} && $cmd eq 'checkTestFailoverStart') || ($fault{'checkfailover-not-ready'} && $cmd eq 'checkFailover') ? error(1007, Object => $id, State => 'not ready') : '<Success/>') : (unknown($id)) });
}
if ($cmd eq 'testFailoverStart') {
    per_item(sub {
        my ($id, $k) = @_;
        my $o = is_here($id, $k) or return (unknown($id));
        return (error(1011, Key => $id)) if $o->{snapshot} && !$fault{'second-test-ok'};
        my ($point) = $req =~ m{<$GT $AT="\Q$id\E">\s*<RecoveryPoint id="([^"]*)"};
        ($point) = $req =~ m{<$DT $AT="\Q$id\E">(?:(?!</$DT>).)*?<RecoveryPoint id="([^"]*)"}s unless defined $point;
        $point = undef if $fault{'ignores-recovery-point'};
        my $x = '';
        for my $dev (devs_of($id, $k)) {
            my $snap = $fault{'test-copy-is-replica'} ? $dev : "$dev-snap";
            step("Temporary snapshot copy $snap of $dev", sub {
                if ($fault{'stale-test-copy'} || ($fault{'stale-test-copy-at-A'} && $site eq 'A')) { open my $z, '>', "$dir/$site/$snap"; print $z "\0" x 40000; close $z }
                elsif ($snap ne $dev) { copydata(file($dev), "$dir/$site/$snap") }
            });
            V($dev)->{snapshot} = $snap;
            $x .= $k eq 'g' ? qq{<TargetDevice key="$dev"><Snapshot id="$snap"><Identity><Wwn>} . wwn($snap) . '</Wwn></Identity></Snapshot></TargetDevice>'
                            : qq{<Snapshot id="$snap"><Identity><Wwn>} . wwn($snap) . '</Wwn></Identity>' . rp($point) . '</Snapshot>';
        }
        if ($k eq 'g') { $o->{snapshot} = "$id-snap"; return (qq{<Snapshot id="$id-snap">} . rp($point) . "<TargetDevices>$x</TargetDevices></Snapshot>") }
        return ($x);
    });
}
if ($cmd eq 'testFailoverStop') {
    per_item(sub {
        my ($id, $k) = @_;
        my $o = is_here($id, $k) or return (unknown($id));
        my $had = 0;
        for my $dev (devs_of($id, $k)) {
            next unless V($dev)->{snapshot};
            $had = 1;
            step("Removal of snapshot copy " . V($dev)->{snapshot}, sub { unlink "$dir/$site/" . V($dev)->{snapshot} unless V($dev)->{snapshot} eq $dev });
            delete V($dev)->{snapshot};
        }
        return (error(1005, Key => $id)) if !$had && $fault{'stop-fails'};
        delete $o->{snapshot};
        my $code = $fault{'undefined-code'} ? 2999 : 2006;
        return ('<Success/>' . ($had ? '' : qq{<Warnings><Warning code="$code"><Key>} . esc($id) . '</Key></Warning></Warnings>'));
    });
}
if ($cmd eq 'prepareFailover') {
    per_item(sub {
        my ($id, $k) = @_;
        my $o = is_here($id, $k) or return (unknown($id));
        return (error(1007, Object => $id, State => $o->{role})) unless $o->{role} eq 'source';
        my $w = '';
        return (error(1007, Object => $id, State => 'read-only')) if $o->{state} eq 'read-only' && $fault{'prepare-not-idempotent'};
        $w = qq{<Warnings><Warning code="2001"><Object>} . esc($id) . '</Object></Warning></Warnings>' if $o->{state} eq 'read-only';
        my $peer = $k eq 'g' ? G($o->{peer}) : V($o->{peer});
        return (error(1007, Object => $id, State => 'peer promoted')) if $peer->{promoted} && $fault{'prepare-error-after-disaster'};
        $w = qq{<Warnings><Warning code="2004"><Object>} . esc($id) . '</Object></Warning></Warnings>' if $peer->{promoted};
        step("Demotion of $id", sub {
            return if $fault{'no-demote'} && $k eq 'd';
            $o->{state} = 'read-only';
            V($_)->{state} = 'read-only' for devs_of($id, $k);
        });
        return ("<Success/>$w");
    });
}
if ($cmd eq 'failover') {
    shift @$ds if $fault{'drop-item'};
    per_item(sub {
        my ($id, $k) = @_;
        my $o = is_here($id, $k) or return (unknown($id));
        return (error(1001, Address => 'peer')) if $fault{'failover-needs-source'} && -e "$dir/$other/down";
        my $w = '';
        if ($o->{promoted}) {
            return (error(1007, Object => $id, State => 'promoted')) if $fault{'failover-not-idempotent'};
            $w = qq{<Warnings><Warning code="2001"><Object>} . esc($id) . '</Object></Warning></Warnings>';
        }
        step("Promotion of $id", sub {
            $o->{promoted} = 1; V($_)->{promoted} = 1 for devs_of($id, $k);
            if ($fault{'failover-wipes-source'}) { for my $dev (devs_of($id, $k)) { my $f = file(V($dev)->{peer}); if (-e $f) { open my $z, '>', $f; print $z "\0" x 40000; close $z } } }
        });
        if ($k eq 'g') {
            my $m = join '', map { qq{<TargetDevice key="$_" id="$_" state="read-write"><Identity><Wwn>} . wwn($_) . '</Wwn></Identity></TargetDevice>' } members($id);
            return (rp() . "<TargetDevices>$m</TargetDevices>$w", qq{ id="$id" state="read-write"});
        }
        my $ident = $fault{'no-identity-no-warning'} ? '' : '<Identity><Wwn>' . wwn($id) . '</Wwn></Identity>';
        return ($ident . rp() . $w, $fault{'failover-no-state'} ? qq{ id="$id"} : qq{ id="$id" state="read-write"});
    });
}
if ($cmd eq 'prepareReverseReplication' || $cmd eq 'prepareRestoreReplication') {
    per_item(sub { my ($id, $k) = @_; is_here($id, $k) or return (unknown($id)); step("$cmd: checking $id", sub {}); ('<Success/>') });
}
sub settings_warning {
    my ($id) = @_;
    my ($inner) = $req =~ m{<(?:ConsistencyGroup|Device) id="\Q$id\E">(.*?)</(?:ConsistencyGroup|Device)>}s;
    return '' unless defined $inner && $inner =~ /<ReplicationSettings/;
    if ($inner =~ m{<Schedule>([^<]*)</Schedule>}) {
        logm("Replication settings given for $id: schedule \"$1\"") unless $fault{'settings-not-logged'};
        return '';
    }
    logm("WARNING: the replication settings of $id are not valid");
    return '' if $fault{'invalid-settings-no-warning'} && $cmd eq 'reverseReplication';
    return qq{<Warnings><Warning code="2003"><Object>} . esc($id) . '</Object></Warning></Warnings>';
}
# a wrong id convention (REV-6, RES-5): takes every id for the other site's and works on its peer
sub peer_id { my ($id, $k) = @_; my $o = $k eq 'g' ? G($id) : V($id); return $o ? $o->{peer} : $id }
if ($cmd eq 'reverseReplication') {
    per_item(sub {
        my ($id, $k) = @_;
        $id = peer_id($id, $k) if $fault{'reverse-wants-original-ids'};
        my $o = is_here($id, $k) or return (unknown($id));
        return (error(1007, Object => $id, State => 'source')) if $o->{role} eq 'source' && $fault{'reverse-not-idempotent'};
        return ('<Success/><Warnings><Warning code="2001"><Object>' . esc($id) . '</Object></Warning></Warnings>') if $o->{role} eq 'source';
        my $sw = settings_warning($id);
        step("Replication reversal of $id toward $o->{peer}", sub {
            return if $fault{'reverse-noop'};
            my @pairs = $k eq 'g' ? ([$o, G($o->{peer})], map { [V($_), V(V($_)->{peer})] } members($id)) : ([$o, V($o->{peer})]);
            for my $pr (@pairs) {
                my ($n, $old) = @$pr;
                $n->{role} = 'source'; $n->{state} = 'read-write'; delete $n->{promoted};
                $n->{unpresented} = 1 if $fault{'reverse-unpresents'};
                $old->{role} = 'target'; delete $old->{state};
            }
        });
        return ('<Success/>' . $sw);
    });
}
if ($cmd eq 'restoreReplication') {
    per_item(sub {
        my ($id, $k) = @_;
        $id = peer_id($id, $k) if $fault{'restore-wants-promoted-ids'};
        my $o = is_here($id, $k) or return (unknown($id));
        my $peer = $k eq 'g' ? G($o->{peer}) : V($o->{peer});
        return (error(1007, Object => $id, State => 'restored')) if $fault{'restore-not-idempotent'} && $o->{state} eq 'read-write' && !$peer->{promoted};
        my $sw = settings_warning($id);
        $sw = '' if $fault{'restore-invalid-settings-no-warning'};
        step("Restore of source $id and reset of target $o->{peer}", sub {
            $o->{state} = 'read-write' unless $fault{'restore-not-writable'}; delete $peer->{promoted};
            for my $dev (devs_of($id, $k)) {
                V($dev)->{state} = 'read-write' unless $fault{'restore-not-writable'};
                delete V(V($dev)->{peer})->{promoted};
                if ($fault{'restore-copies-back'}) { copydata(file(V($dev)->{peer}), file($dev)) } else { copydata(file($dev), file(V($dev)->{peer})) }
            }
        });
        return ('<Success/>' . $sw);
    });
}
respond(error(1007, Object => $cmd, State => 'unhandled'));
