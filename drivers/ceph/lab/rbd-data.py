"""The emulator's data plug-in for the Ceph lab: reads or writes bytes of an RBD image through librbd.
usage: rbd-data.py read|write CONF DEVICE OFFSET LENGTH FILE   (DEVICE = pool/image, the driver's volume id)"""
import sys
import rados
import rbd


def main(argv):
    if len(argv) != 7 or argv[1] not in ("read", "write"):
        print(__doc__, file=sys.stderr)
        return 2
    op, conf, device, offset, length, path = argv[1], argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6]
    if "/" not in device:
        print("device must be pool/image: " + device, file=sys.stderr)
        return 2
    pool, image = device.split("/", 1)
    with rados.Rados(conffile=conf) as cluster:
        with cluster.open_ioctx(pool) as ioctx:
            with rbd.Image(ioctx, image) as img:
                if op == "read":
                    data = img.read(offset, length) if length > 0 else b""
                    with open(path, "wb") as f:
                        f.write(data)
                else:
                    with open(path, "rb") as f:
                        data = f.read()
                    img.write(data, offset)
                    img.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (rados.Error, rbd.Error, OSError) as e:
        print(type(e).__name__ + ": " + str(e), file=sys.stderr)
        sys.exit(1)
