#!/usr/bin/python3
"""tests/fuzz/make_net_corpus.py — writes the seed corpus of the network fuzz target
(tests/fuzz/fuzz_net.c) into tests/fuzz/corpus/net/: one well-formed example of each kind of
frame the stack takes apart, in the target's input format (a first byte saying what the stack
does before, then frames as a 2-byte big-endian length and the bytes). Run it again after
changing the format; the files are committed.

  arp_request     who has 10.0.2.15, from the gateway (the stack answers)
  arp_reply       a ping to 10.0.2.2 first, then the gateway's ARP reply (the pending packet goes)
  icmp_echo       an echo request from the gateway (the stack answers)
  icmp_unreach    port unreachable about a UDP datagram we sent (to udp_unreachable)
  udp_datagram    a UDP datagram to port 7
  tcp_syn         a TCP SYN to port 80
"""
import os
import struct
import sys

OUR_MAC = bytes.fromhex("525400123456")
GW_MAC = bytes.fromhex("525400123502")
OUR_IP, GW_IP = bytes([10, 0, 2, 15]), bytes([10, 0, 2, 2])


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return struct.pack("!H", ~s & 0xffff)


def eth(dst, typ, payload):
    return dst + GW_MAC + struct.pack("!H", typ) + payload


def arp(op, sha, spa, tha, tpa):
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + sha + spa + tha + tpa


def ipv4(proto, payload, src=GW_IP, dst=OUR_IP):
    h = struct.pack("!BBHHHBB", 0x45, 0, 20 + len(payload), 1, 0, 64, proto) + b"\0\0" + src + dst
    return h[:10] + csum(h) + h[12:] + payload


def transport(proto, hdr, data, src=GW_IP, dst=OUR_IP, csum_at=None):
    seg = hdr + data
    pseudo = src + dst + struct.pack("!BBH", 0, proto, len(seg))
    c = csum(pseudo + seg)
    return seg[:csum_at] + c + seg[csum_at + 2:]


def frames(first, *fs):
    return bytes([first]) + b"".join(struct.pack("!H", len(f)) + f for f in fs)


def main(out):
    os.makedirs(out, exist_ok=True)
    echo = struct.pack("!BBHHH", 8, 0, 0, 0x4242, 1) + b"abcdefgh"
    echo = echo[:2] + csum(echo) + echo[4:]
    sent = ipv4(17, struct.pack("!HHHH", 49152, 9, 8, 0), src=OUR_IP, dst=GW_IP)
    unreach = struct.pack("!BBHI", 3, 3, 0, 0) + sent
    unreach = unreach[:2] + csum(unreach) + unreach[4:]
    udp = transport(17, struct.pack("!HHHH", 5353, 7, 8 + 5, 0), b"hello", csum_at=6)
    syn = transport(6, struct.pack("!HHIIBBHHH", 40000, 80, 1000, 0, 5 << 4, 0x02, 65535, 0, 0),
                    b"", csum_at=16)
    seeds = {
        "arp_request": frames(0, eth(b"\xff" * 6, 0x0806,
                                     arp(1, GW_MAC, GW_IP, b"\0" * 6, OUR_IP))),
        "arp_reply": frames(1, eth(OUR_MAC, 0x0806, arp(2, GW_MAC, GW_IP, OUR_MAC, OUR_IP))),
        "icmp_echo": frames(0, eth(OUR_MAC, 0x0800, ipv4(1, echo))),
        "icmp_unreach": frames(0, eth(OUR_MAC, 0x0800, ipv4(1, unreach))),
        "udp_datagram": frames(0, eth(OUR_MAC, 0x0800, ipv4(17, udp))),
        "tcp_syn": frames(0, eth(OUR_MAC, 0x0800, ipv4(6, syn))),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("make_net_corpus: %d seeds in %s" % (len(seeds), out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else
         os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "net"))
