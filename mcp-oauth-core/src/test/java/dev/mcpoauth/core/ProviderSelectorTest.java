package dev.mcpoauth.core;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.LoginResponse;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.spi.LoginHandlerProvider;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TokenStoreProvider;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSelectorTest {

    /** A store provider that creates nothing real; the selection only reads id and weight. */
    record FakeStore(String id, int weight) implements TokenStoreProvider {
        @Override
        public TokenStore create(ProviderSettings settings) {
            return new InMemoryTokenStore();
        }
    }

    record FakeLogin(String id, int weight) implements LoginHandlerProvider {
        @Override
        public LoginHandler create(ProviderSettings settings) {
            return (request, flow) -> LoginResponse.html(200, id);
        }
    }

    private static ProviderSelector selector(Map<String, String> properties, Map<String, String> environment) {
        return new ProviderSelector(true, name -> Optional.ofNullable(properties.get(name)),
                name -> Optional.ofNullable(environment.get(name)));
    }

    private static final ProviderSelector PLAIN = selector(Map.of(), Map.of());
    private static final FakeStore SQLITE = new FakeStore("sqlite", 100);
    private static final FakeStore REDIS = new FakeStore("redis", 50);

    @Test
    void chooseWhenNothingAskedThenHighestWeightWinsAndTheOthersAreReported() {
        ProviderSelector.Choice<TokenStoreProvider> choice = PLAIN.choose(ProviderSlot.STORE, Optional.empty(),
                List.of(REDIS, SQLITE));

        assertThat(choice.provider()).containsSame(SQLITE);
        assertThat(choice.source()).isEqualTo(ProviderSelector.Source.WEIGHT);
        assertThat(choice.ignored()).containsExactly("redis@50");
        assertThat(choice.message()).contains("store: using 'sqlite'", "highest weight", "ignored [redis@50]");
    }

    @Test
    void chooseWhenBuilderIdGivenThenItWinsOverPropertyEnvironmentAndWeight() {
        ProviderSelector selector = selector(Map.of("mcpoauth.store", "sqlite"), Map.of("MCPOAUTH_STORE", "sqlite"));

        ProviderSelector.Choice<TokenStoreProvider> choice = selector.choose(ProviderSlot.STORE, Optional.of("redis"),
                List.of(SQLITE, REDIS));

        assertThat(choice.provider()).containsSame(REDIS);
        assertThat(choice.source()).isEqualTo(ProviderSelector.Source.BUILDER_ID);
    }

    @Test
    void chooseWhenSystemPropertyGivenThenItWinsOverEnvironment() {
        ProviderSelector selector = selector(Map.of("mcpoauth.store", " redis "), Map.of("MCPOAUTH_STORE", "sqlite"));

        ProviderSelector.Choice<TokenStoreProvider> choice = selector.choose(ProviderSlot.STORE, Optional.empty(),
                List.of(SQLITE, REDIS));

        assertThat(choice.provider()).containsSame(REDIS);
        assertThat(choice.source()).isEqualTo(ProviderSelector.Source.SYSTEM_PROPERTY);
    }

    @Test
    void chooseWhenOnlyEnvironmentGivenThenItIsUsed() {
        ProviderSelector selector = selector(Map.of(), Map.of("MCPOAUTH_STORE", "redis"));

        assertThat(selector.choose(ProviderSlot.STORE, Optional.of(" "), List.of(SQLITE, REDIS)).source())
                .isEqualTo(ProviderSelector.Source.ENVIRONMENT);
    }

    @Test
    void chooseWhenIdUnknownThenFailsListingTheAvailableIds() {
        assertThatThrownBy(() -> PLAIN.choose(ProviderSlot.STORE, Optional.of("postgres"), List.of(SQLITE, REDIS)))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("'postgres'").hasMessageContaining("sqlite, redis, memory");
    }

    @Test
    void chooseWhenTwoProvidersShareAnIdThenFails() {
        assertThatThrownBy(() -> PLAIN.choose(ProviderSlot.STORE, Optional.empty(),
                List.of(SQLITE, new FakeStore("sqlite", 10))))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("the id 'sqlite'");
    }

    @Test
    void chooseWhenTopWeightIsTiedThenFailsSayingHowToChoose() {
        assertThatThrownBy(() -> PLAIN.choose(ProviderSlot.STORE, Optional.empty(),
                List.of(SQLITE, new FakeStore("postgres", 100), REDIS)))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("highest weight 100").hasMessageContaining("-Dmcpoauth.store=<id>")
                .hasMessageContaining("MCPOAUTH_STORE");
    }

    @Test
    void chooseWhenTieIsBelowTheTopThenNoProblem() {
        assertThat(PLAIN.choose(ProviderSlot.STORE, Optional.empty(),
                List.of(SQLITE, REDIS, new FakeStore("other", 50))).provider()).containsSame(SQLITE);
    }

    @Test
    void chooseWhenTieButAnIdIsGivenThenTheIdDecides() {
        assertThat(PLAIN.choose(ProviderSlot.STORE, Optional.of("postgres"),
                List.of(SQLITE, new FakeStore("postgres", 100))).provider().orElseThrow().id()).isEqualTo("postgres");
    }

    @Test
    void chooseWhenNoStoreFoundThenInMemoryFallbackWithWarning() {
        ProviderSelector.Choice<TokenStoreProvider> choice = PLAIN.choose(ProviderSlot.STORE, Optional.empty(), List.of());

        assertThat(choice.provider().orElseThrow().id()).isEqualTo("memory");
        assertThat(choice.source()).isEqualTo(ProviderSelector.Source.FALLBACK);
        assertThat(choice.provider().orElseThrow().create(ProviderSettings.empty())).isInstanceOf(InMemoryTokenStore.class);
    }

    @Test
    void chooseWhenMemoryAskedByIdThenItWinsOverARealStore() {
        assertThat(PLAIN.choose(ProviderSlot.STORE, Optional.of("memory"), List.of(SQLITE)).provider().orElseThrow())
                .isInstanceOf(InMemoryTokenStoreProvider.class);
    }

    @Test
    void chooseWhenNoLoginProviderFoundThenFailsSayingWhatToAdd() {
        assertThatThrownBy(() -> PLAIN.choose(ProviderSlot.LOGIN, Optional.empty(), List.of()))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("mcp-oauth-login-default");
    }

    @Test
    void chooseWorksTheSameForEverySlot() {
        FakeLogin custom = new FakeLogin("custom", 200);

        assertThat(PLAIN.choose(ProviderSlot.LOGIN, Optional.empty(), List.of(new FakeLogin("default", 100), custom))
                .provider()).containsSame(custom);
        assertThat(selector(Map.of("mcpoauth.login", "default"), Map.of()).choose(ProviderSlot.LOGIN,
                Optional.empty(), List.of(new FakeLogin("default", 100), custom)).provider().orElseThrow().id())
                .isEqualTo("default");
    }

    @Test
    void resolveWhenInstanceGivenThenItWinsWithoutLookingAtProviders() {
        InMemoryTokenStore mine = new InMemoryTokenStore();
        ProviderSelector failing = new ProviderSelector(true, name -> {
            throw new AssertionError("no id lookup when an instance is given");
        }, name -> Optional.empty());

        TokenStore store = failing.resolve(ProviderSlot.STORE, Optional.of(mine), Optional.of("sqlite"),
                provider -> provider.create(ProviderSettings.empty()));

        assertThat(store).isSameAs(mine);
    }

    @Test
    void resolveWithRealDiscoveryOffFallsBackAndWithDiscoveryOnFindsNoStoreInThisModule() {
        ProviderSelector off = new ProviderSelector(false, name -> Optional.empty(), name -> Optional.empty());
        ProviderSelector on = new ProviderSelector(true, name -> Optional.empty(), name -> Optional.empty());

        TokenStore fromOff = off.resolve(ProviderSlot.STORE, Optional.empty(), Optional.empty(),
                provider -> provider.create(ProviderSettings.empty()));
        // A real ServiceLoader call: core provides no store, so discovery finds none here.
        ProviderSelector.Choice<TokenStoreProvider> fromOn = on.choose(ProviderSlot.STORE, Optional.empty());

        assertThat(fromOff).isInstanceOf(InMemoryTokenStore.class);
        assertThat(fromOn.source()).isEqualTo(ProviderSelector.Source.FALLBACK);
        assertThatThrownBy(() -> off.choose(ProviderSlot.TRANSPORT, Optional.empty()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("discovery is off");
    }
}
