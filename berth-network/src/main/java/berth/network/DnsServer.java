package berth.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The embedded DNS server of one user-defined network, on UDP and TCP at the network's gateway
 * address. Containers' resolv.conf names the gateway, so no per-namespace redirect is needed
 * (Docker listens on 127.0.0.11 inside each namespace behind DNAT rules; one socket per network
 * on an address every container already routes to is simpler and leaves nothing inside the
 * namespaces to clean up). Names of the network's containers get A records; other single-label
 * names NXDOMAIN; everything else goes to the host's resolvers.
 */
public final class DnsServer implements AutoCloseable {
  static final long TTL = 600;
  private final DnsNames names;
  private final Resolver forwarder;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private volatile boolean closed;

  /** Binds and starts serving; {@code forwarders} may be empty (then external names SERVFAIL). */
  public DnsServer(InetAddress address, int port, DnsNames names, List<InetSocketAddress> forwarders)
      throws IOException {
    this.names = names;
    this.forwarder = forwarders.isEmpty() ? null : resolver(forwarders);
    this.udp = new DatagramSocket(new InetSocketAddress(address, port));
    this.tcp = new ServerSocket();
    try {
      tcp.setReuseAddress(true);
      tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
    } catch (IOException e) {
      udp.close();
      throw e;
    }
    Thread.ofVirtual().name("dns-udp-" + address.getHostAddress()).start(this::serveUdp);
    Thread.ofVirtual().name("dns-tcp-" + address.getHostAddress()).start(this::serveTcp);
  }

  private static Resolver resolver(List<InetSocketAddress> forwarders) {
    var r = new ExtendedResolver(forwarders.stream()
        .map(a -> (Resolver) new org.xbill.DNS.SimpleResolver(a)).toList());
    r.setTimeout(Duration.ofSeconds(3));
    return r;
  }

  public int port() {
    return udp.getLocalPort();
  }

  private void serveUdp() {
    byte[] buf = new byte[4096];
    while (!closed) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.receive(p);
        byte[] query = java.util.Arrays.copyOf(p.getData(), p.getLength());
        var from = p.getSocketAddress();
        InetAddress client = p.getAddress();
        Thread.ofVirtual().start(() -> {
          byte[] reply = answer(query, 512, client);
          if (reply != null) {
            try {
              udp.send(new DatagramPacket(reply, reply.length, from));
            } catch (IOException e) {
              // client gone; UDP has no one to tell
            }
          }
        });
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serveTcp() {
    while (!closed) {
      try {
        Socket s = tcp.accept();
        Thread.ofVirtual().start(() -> serveConnection(s));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serveConnection(Socket s) {
    try (s) {
      s.setSoTimeout(10_000);
      var in = new DataInputStream(s.getInputStream());
      var out = new DataOutputStream(s.getOutputStream());
      while (true) {
        byte[] q = new byte[in.readUnsignedShort()];
        in.readFully(q);
        byte[] reply = answer(q, 65535, s.getInetAddress());
        if (reply == null) {
          return;
        }
        out.writeShort(reply.length);
        out.write(reply);
        out.flush();
      }
    } catch (IOException e) {
      // connection closed or timed out: normal end of a TCP DNS session
    }
  }

  /** The reply to one query, or null for input that is not a DNS query at all. */
  byte[] answer(byte[] wire, int maxLength, InetAddress client) {
    Message q;
    try {
      q = new Message(wire);
    } catch (IOException e) {
      return null;
    }
    Record question = q.getQuestion();
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RA);
    if (q.getHeader().getFlag(Flags.RD)) {
      r.getHeader().setFlag(Flags.RD);
    }
    if (question == null) {
      r.getHeader().setRcode(Rcode.FORMERR);
      return r.toWire(maxLength);
    }
    r.addRecord(question, Section.QUESTION);
    Name qname = question.getName();
    String name = qname.toString(true);
    List<InetAddress> found = names.lookupFor(client, name);
    if (!found.isEmpty()) {
      r.getHeader().setFlag(Flags.AA);
      if (question.getType() == Type.A || question.getType() == Type.ANY) {
        for (InetAddress a : found) {
          r.addRecord(new ARecord(qname, DClass.IN, TTL, a), Section.ANSWER);
        }
      }
      return r.toWire(maxLength);
    }
    List<InetSocketAddress> own = names.upstreamsFor(client);
    Resolver upstream = own.isEmpty() ? forwarder : resolver(own);
    if (qname.labels() <= 2 || upstream == null) {
      // one label plus the root: a container name nobody has; or nowhere to forward
      r.getHeader().setRcode(qname.labels() <= 2 ? Rcode.NXDOMAIN : Rcode.SERVFAIL);
      return r.toWire(maxLength);
    }
    try {
      Message fwd = upstream.send(q);
      fwd.getHeader().setID(q.getHeader().getID());
      return fwd.toWire(maxLength);
    } catch (IOException e) {
      r.getHeader().setRcode(Rcode.SERVFAIL);
      return r.toWire(maxLength);
    }
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // closing a listening socket has nothing to report
    }
  }
}
