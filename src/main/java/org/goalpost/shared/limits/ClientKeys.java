package org.goalpost.shared.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key a client is counted under by every per-client limit (checkouts, the person check, the
 * login block, link requests): an IPv4 client by its address; an IPv6 client by its network prefix
 * ({@code GOALPOST_IPV6_PREFIX} bits, 64 by default), since one customer's /64 holds 2⁶⁴ addresses
 * and would otherwise give endless fresh keys. An IPv4 address written as IPv6 ({@code ::ffff:a.b.c.d})
 * counts as IPv4; anything that is not an address literal is its own key.
 */
@Component
public class ClientKeys {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.%]+");

    private final int ipv6Prefix;

    public ClientKeys(@Value("${goalpost.rate-limit.ipv6-prefix:64}") int ipv6Prefix) {
        if (ipv6Prefix < 16 || ipv6Prefix > 128) {
            throw new IllegalArgumentException(
                    "GOALPOST_IPV6_PREFIX must be between 16 and 128 bits, not " + ipv6Prefix);
        }
        this.ipv6Prefix = ipv6Prefix;
    }

    /** The key of a client address (null stays null: "unknown"). */
    public String of(String address) {
        if (address == null || address.isEmpty() || !LITERAL.matcher(address).matches() || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal: no name lookup happens
            InetAddress parsed = InetAddress.getByName(
                    address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return parsed.getHostAddress();
            }
            byte[] prefix = new byte[(ipv6Prefix + 7) / 8];
            System.arraycopy(bytes, 0, prefix, 0, prefix.length);
            int spare = prefix.length * 8 - ipv6Prefix;
            if (spare > 0) {
                prefix[prefix.length - 1] &= (byte) (0xFF << spare);
            }
            return HexFormat.of().formatHex(prefix) + "/" + ipv6Prefix;
        } catch (UnknownHostException | RuntimeException e) {
            return address;
        }
    }
}
