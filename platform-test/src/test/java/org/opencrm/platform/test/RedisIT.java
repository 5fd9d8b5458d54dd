package org.opencrm.platform.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisIT {

    @Test
    void answersPingAndKeepsAValue() throws IOException {
        RedisEndpoint redis = TestInfrastructure.redis();

        try (Socket socket = new Socket(redis.host(), redis.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            out.write(command("PING"));
            assertThat(in.readLine()).isEqualTo("+PONG");

            out.write(command("SET", "crm:platform-test", "real redis"));
            assertThat(in.readLine()).isEqualTo("+OK");

            out.write(command("GET", "crm:platform-test"));
            assertThat(in.readLine()).isEqualTo("$10");
            assertThat(in.readLine()).isEqualTo("real redis");
        }
    }

    /** A command in RESP, the protocol Redis clients speak. */
    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
