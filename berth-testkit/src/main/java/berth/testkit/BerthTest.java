package berth.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class that gets its own real berthd: declare a {@link BerthDaemon}
 * parameter (constructor, {@code @BeforeAll} or test method) to use it.
 *
 * <pre>{@code
 * @BerthTest
 * class RunIT {
 *   @Test void echo(BerthDaemon d) {
 *     assertThat(d.docker("run", "--rm", "--network", "none", "busybox", "echo", "hi").out()).isEqualTo("hi\n");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(BerthDaemonExtension.class)
public @interface BerthTest {
}
