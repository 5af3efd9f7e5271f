package dev.oomlab.kernel.io;

/** UTF-8 boundaries, so a stream chunk never ends in the middle of a character. */
final class Utf8 {

    private Utf8() {
    }

    /** The length of the longest prefix of bytes[0, length) that holds only whole characters. */
    static int completePrefix(byte[] bytes, int length) {
        // Look back at most 3 bytes for the lead byte of the last character.
        for (int back = 1; back <= Math.min(4, length); back++) {
            int b = bytes[length - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue; // continuation byte
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? length - back : length;
        }
        return length;
    }
}
