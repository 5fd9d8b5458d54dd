import java.net.InetAddress;

import com.adobe.testing.s3mock.S3MockApplication;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts S3Mock with every port on the loopback interface. {@code server.address} binds only its HTTPS connector; the
 * plain-HTTP one, which the CRM talks to, is an extra Tomcat connector that S3Mock creates without an address (all
 * interfaces). Run by the JDK's source launcher on S3Mock's classpath (infra/lib/s3.sh); S3Mock's own main and
 * defaults run unchanged.
 */
public class LoopbackS3Mock {

    public static void main(String[] args) {
        SpringApplication.withHook(application -> new SpringApplicationRunListener() {
            @Override
            public void contextPrepared(ConfigurableApplicationContext context) {
                context.getBeanFactory().addBeanPostProcessor(new LoopbackConnectors());
            }
        }, () -> S3MockApplication.main(args));
    }

    static final class LoopbackConnectors implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof TomcatServletWebServerFactory factory) {
                factory.getAdditionalTomcatConnectors().forEach(connector -> {
                    if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                        protocol.setAddress(InetAddress.getLoopbackAddress());
                    }
                });
            }
            return bean;
        }
    }
}
