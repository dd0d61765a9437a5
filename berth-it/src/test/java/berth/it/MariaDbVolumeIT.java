package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seeds' database example: MariaDB (Debian's mariadb-server, installed with apt-get through the
 * default bridge's NAT into a debootstrap base, then committed) keeps its rows in a named volume
 * across container removal, a SIGKILL of the server and a kill -9 of berthd. The named volume is
 * new and empty at first, so Docker's copy-up fills it with the package's initialised datadir.
 */
@BerthTest
@Tag("integration")
class MariaDbVolumeIT {

  @Test
  void rowsOutliveContainersKillsAndDaemonRestarts(BerthDaemon d) {
    d.importDebian();
    String maker = Names.unique("mkdb");
    String image = "berth-test-mariadb:" + Names.unique("t");
    String vol = Names.unique("dbdata");
    String db1 = Names.unique("db1");
    String db2 = Names.unique("db2");
    String db3 = Names.unique("db3");
    try {
      d.berth("run", "-d", "--name", maker, "debian:bookworm", "sh", "-c",
          "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends"
              + " mariadb-server mariadb-client >/dev/null && rm -rf /var/lib/apt/lists/*").ok();
      BerthDaemon.eventually(Duration.ofMinutes(8), "apt-get install mariadb-server",
          () -> d.berth("inspect", "-f", "{{.State.Running}}", maker).outTrim().equals("false"));
      assertThat(d.berth("inspect", "-f", "{{.State.ExitCode}}", maker).ok().outTrim())
          .as("apt-get install exit code; logs: %s", d.berth("logs", "--tail", "20", maker).out()).isEqualTo("0");
      d.berth("commit", maker, image).ok();

      startDb(d, db1, image, vol);
      sql(d, db1, "CREATE DATABASE shop; CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20));"
          + " INSERT INTO shop.items VALUES (1, 'anchor'), (2, 'berth');");
      d.berth("stop", db1).ok();
      d.berth("rm", db1).ok();

      startDb(d, db2, image, vol);
      assertThat(sql(d, db2, "SELECT name FROM shop.items ORDER BY id")).isEqualTo("anchor\nberth\n");
      sql(d, db2, "INSERT INTO shop.items VALUES (3, 'cargo')");
      d.berth("rm", "-f", db2).ok(); // SIGKILL: InnoDB's redo log must carry the committed row
      d.kill9();
      d.start();

      startDb(d, db3, image, vol);
      assertThat(sql(d, db3, "SELECT name FROM shop.items ORDER BY id")).isEqualTo("anchor\nberth\ncargo\n");
      var inUse = d.docker("volume", "rm", vol);
      assertThat(inUse.exitCode()).isEqualTo(1);
      assertThat(inUse.err()).contains("volume is in use");
    } finally {
      d.berth("rm", "-f", maker, db1, db2, db3);
      d.berth("volume", "rm", "-f", vol);
      d.berth("rmi", "-f", image);
    }
  }

  private static void startDb(BerthDaemon d, String name, String image, String vol) {
    d.berth("run", "-d", "--network", "none", "--name", name, "-v", vol + ":/var/lib/mysql", image,
        "sh", "-c", "mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld && exec mariadbd --user=mysql").ok();
    BerthDaemon.eventually(Duration.ofSeconds(90), "mariadbd in " + name + " answers",
        () -> d.berth("exec", name, "mariadb", "-N", "-e", "SELECT 1").exitCode() == 0);
  }

  private static String sql(BerthDaemon d, String container, String statements) {
    return d.berth("exec", container, "mariadb", "-N", "-B", "-e", statements).ok().out();
  }
}
