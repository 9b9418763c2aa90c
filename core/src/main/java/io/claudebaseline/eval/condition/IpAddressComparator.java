package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * {@code IpAddress}/{@code NotIpAddress}: the request address lies in the policy's CIDR range; an address with no
 * prefix length is a single host (/32, /128) (reference_policies_elements_condition_operators.html, IP address).
 * IPv4 and IPv6 never match each other. Only literal addresses are parsed, so no name is ever resolved.
 */
public final class IpAddressComparator implements ValueComparator {
    public static final IpAddressComparator INSTANCE = new IpAddressComparator();

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddressComparator() {}

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        return inRange(range(policyValue), requestValue);
    }

    @Override
    public ValueMatcher compile(String policyValue, boolean variables) {
        Range range = range(policyValue);
        return (requestValue, request) -> inRange(range, requestValue);
    }

    private static boolean inRange(Range range, String requestValue) {
        byte[] address = address(requestValue.trim());
        if (range == null || address == null || address.length != range.network.length) {
            return false;
        }
        BigInteger mask = mask(range.network.length * 8, range.prefix);
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, range.network).and(mask));
    }

    @Override
    public void checkPolicyValue(String policyValue) {
        if (range(policyValue) == null) {
            throw new IllegalArgumentException("'" + policyValue + "' is not an IPv4/IPv6 address or CIDR range");
        }
    }

    private record Range(byte[] network, int prefix) {}

    private static Range range(String cidr) {
        String v = cidr.trim();
        int slash = v.indexOf('/');
        byte[] network = address(slash < 0 ? v : v.substring(0, slash));
        if (network == null) {
            return null;
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(v.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new Range(network, prefix);
    }

    /** Literal IPv4/IPv6 only; null for anything else (never a DNS lookup). */
    private static byte[] address(String s) {
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static BigInteger mask(int bits, int prefix) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }
}
