package io.jornada.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test an empty {@link RedisServer#shared() shared} Redis: flushes it before every test
 * and injects the {@link RedisServer} into test constructors and methods that ask for it.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class SomethingTest {
 *   @Test
 *   void shouldDoY(RedisServer redis) { ... redis.url() ... }
 * }
 * }</pre>
 */
public final class RedisServerExtension implements BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeEach(ExtensionContext context) {
    RedisServer.shared().flushAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return RedisServer.shared();
  }
}
