package dev.switchyard.engine.routing.text;

/**
 * MurmurHash3 (x86, 32-bit) by Austin Appleby, public domain. Used with a fixed seed so that
 * hashed text features are the same on every machine, in every run and in an exported config:
 * a prompt always lands in the same buckets, with the same signs.
 */
public final class MurmurHash3 {
    /** The one seed every Switchyard feature hash uses; changing it invalidates trained weights. */
    public static final int FEATURE_SEED = 0x5317_AB1E;

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private MurmurHash3() {
    }

    /** Hash of {@code len} bytes of {@code data} starting at {@code off}. */
    public static int hash32(byte[] data, int off, int len, int seed) {
        int h1 = seed;
        int roundedEnd = off + (len & 0xfffffffc);
        for (int i = off; i < roundedEnd; i += 4) {
            int k1 = (data[i] & 0xff) | ((data[i + 1] & 0xff) << 8) | ((data[i + 2] & 0xff) << 16) | (data[i + 3] << 24);
            k1 *= C1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= C2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        int k1 = 0;
        switch (len & 0x03) {
            case 3:
                k1 = (data[roundedEnd + 2] & 0xff) << 16;
                // fall through
            case 2:
                k1 |= (data[roundedEnd + 1] & 0xff) << 8;
                // fall through
            case 1:
                k1 |= data[roundedEnd] & 0xff;
                k1 *= C1;
                k1 = Integer.rotateLeft(k1, 15);
                k1 *= C2;
                h1 ^= k1;
                break;
            default:
                break;
        }
        h1 ^= len;
        return fmix32(h1);
    }

    /** Hash of two 32-bit values (e.g. the hashes of the two tokens of a bigram). */
    public static int hashPair(int a, int b, int seed) {
        int h1 = seed;
        for (int k : new int[] {a, b}) {
            int k1 = k * C1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= C2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        h1 ^= 8;
        return fmix32(h1);
    }

    /** MurmurHash3's finaliser: a bijective avalanche mix of 32 bits. */
    public static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
