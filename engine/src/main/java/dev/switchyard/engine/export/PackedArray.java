package dev.switchyard.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A double array as it is stored in a configuration file: its length, then the positions and
 * values of its non-zero entries, each base64 of little-endian int32 / float64. Exact (the bits
 * of every double survive) and small for sparse weights: a hashed text model has 2^18 buckets per
 * model, few of them ever touched.
 *
 * @param length number of entries
 * @param indices base64 of the non-zero positions (int32, ascending)
 * @param values base64 of the non-zero values (float64), in the same order
 */
public record PackedArray(int length, String indices, String values) {
    public PackedArray {
        if (length < 0) {
            throw new IllegalArgumentException("packed array length must be >= 0, got " + length);
        }
        indices = indices == null ? "" : indices;
        values = values == null ? "" : values;
    }

    public static PackedArray of(double[] a) {
        int nz = 0;
        for (double v : a) {
            if (Double.doubleToRawLongBits(v) != 0L) {
                nz++;
            }
        }
        ByteBuffer idx = ByteBuffer.allocate(4 * nz).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer val = ByteBuffer.allocate(8 * nz).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != 0L) {
                idx.putInt(i);
                val.putDouble(a[i]);
            }
        }
        Base64.Encoder enc = Base64.getEncoder();
        return new PackedArray(a.length, enc.encodeToString(idx.array()), enc.encodeToString(val.array()));
    }

    /** The array, with the exact bits written. */
    public double[] toArray() {
        byte[] ib;
        byte[] vb;
        try {
            ib = Base64.getDecoder().decode(indices);
            vb = Base64.getDecoder().decode(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("packed array is not valid base64: " + e.getMessage(), e);
        }
        if (ib.length % 4 != 0 || vb.length % 8 != 0 || ib.length / 4 != vb.length / 8) {
            throw new IllegalArgumentException("packed array: " + ib.length + " index bytes do not match " + vb.length
                    + " value bytes");
        }
        double[] out = new double[length];
        ByteBuffer idx = ByteBuffer.wrap(ib).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer val = ByteBuffer.wrap(vb).order(ByteOrder.LITTLE_ENDIAN);
        int prev = -1;
        while (idx.hasRemaining()) {
            int i = idx.getInt();
            if (i <= prev || i >= length) {
                throw new IllegalArgumentException("packed array: position " + i + " is out of order or outside 0.." + (length - 1));
            }
            out[i] = val.getDouble();
            prev = i;
        }
        return out;
    }
}
