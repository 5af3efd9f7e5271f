package dev.oomlab.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignerTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsLikeHmacSha256OverTheConcatenatedFrames() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?", split into frames
        Signer signer = new Signer("hmac-sha256", "Jefe");
        assertThat(signer.sign(b("what do ya "), b("want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheRightSignature() {
        Signer signer = new Signer("hmac-sha256", "secret");
        String good = signer.sign(b("{}"), b("{}"));
        assertThat(signer.verify(b(good), b("{}"), b("{}"))).isTrue();
        assertThat(signer.verify(b(good), b("{}"), b("{\"x\":1}"))).isFalse();
        assertThat(signer.verify(b(""), b("{}"), b("{}"))).isFalse();
    }

    @Test
    void anEmptyKeyTurnsSigningOff() {
        Signer signer = new Signer("hmac-sha256", "");
        assertThat(signer.enabled()).isFalse();
        assertThat(signer.sign(b("{}"))).isEmpty();
        assertThat(signer.verify(b("anything"), b("{}"))).isTrue();
    }
}
