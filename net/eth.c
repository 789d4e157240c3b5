/*
 * net/eth.c — Ethernet II framing (DIX: destination MAC, source MAC, EtherType, payload; no
 * 802.2 LLC, no VLAN tags): the frames the virtio-net device carries. Input accepts frames
 * addressed to our MAC or to the broadcast address and dispatches on the EtherType (IPv4 to
 * net/ip.c, ARP to net/arp.c); output prepends the header and pads to the 60-byte minimum.
 * Runs with net_lock held (net/net.h); state: none of its own (the MAC lives in net/netif.c).
 */
#include <string.h>
#include "net/net.h"
#include "net/lower.h"

const uint8_t eth_broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

void eth_input(struct netbuf *nb)
{
    if (nb->len < ETH_HLEN) {           /* a runt (or a length the driver could not trust: 0) */
        net_cnt.eth_bad++;
        netbuf_free(nb);
        return;
    }
    const uint8_t *h = netbuf_data(nb);
    /* Ours or broadcast; any other unicast or multicast (the device may pass some) is not. */
    if (memcmp(h, net_mac, 6) != 0 && memcmp(h, eth_broadcast, 6) != 0) {
        net_cnt.eth_not_ours++;
        netbuf_free(nb);
        return;
    }
    uint16_t type = net_get16(h + 12);
    netbuf_pull(nb, ETH_HLEN);
    /* The payload may carry padding after the packet (frames under 60 bytes are padded on the
     * wire): the protocols trim to their own length fields. */
    switch (type) {
    case ETH_P_IP:
        ip_input(nb);
        break;
    case ETH_P_ARP:
        arp_input(nb);
        break;
    default:                            /* IPv6, LLDP, an 802.3 length field (< 0x600) ... */
        net_cnt.eth_unknown_type++;
        netbuf_free(nb);
    }
}

int eth_output(struct netbuf *nb, const uint8_t dst[6], uint16_t type)
{
    if (nb->len > NET_MTU) {            /* the layers above never build one: a bug, not a crash */
        netbuf_free(nb);
        return -NET_EMSGSIZE;
    }
    uint8_t *h = netbuf_push(nb, ETH_HLEN);
    if (!h) {
        netbuf_free(nb);
        return -NET_ENOBUFS;
    }
    memcpy(h, dst, 6);
    memcpy(h + 6, net_mac, 6);
    net_put16(h + 12, type);
    /* Pad with zeros to the minimum frame (the device sends what it is given). A buffer whose
     * data sit at its very end has no room: the frame goes short, which virtio accepts. */
    if (nb->len < ETH_ZLEN) {
        size_t n = ETH_ZLEN - nb->len;
        uint8_t *pad = netbuf_put(nb, n);
        if (pad)
            memset(pad, 0, n);
    }
    return netif_transmit(nb);
}
