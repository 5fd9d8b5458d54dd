package org.opencrm.platform.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose connections tell an observer of each call before making it: to count the statements a piece
 * of code sends, or to read a setting on the connection just before it commits.
 */
public final class ObservedDataSource extends DelegatingDataSource {

    /** Called on the real connection, before the call named {@code method} (e.g. "prepareStatement", "commit"). */
    @FunctionalInterface
    public interface Observer {

        void before(Connection connection, String method) throws SQLException;
    }

    private final Observer observer;

    public ObservedDataSource(DataSource target, Observer observer) {
        super(target);
        this.observer = observer;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    observer.before(connection, method.getName());
                    try {
                        return method.invoke(connection, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }
}
