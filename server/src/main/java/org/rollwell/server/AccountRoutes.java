package org.rollwell.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rollwell.store.Account;
import org.rollwell.store.AccountRepository;

/** POST /api/accounts, POST and DELETE /api/session, GET /api/me (the account and its CSRF token). */
final class AccountRoutes {
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Auth auth;
    private final LoginLimiter limiter;
    private final SignUpLimiter signUps;

    /**
     * The bed's day, which dates check-ins and diary entries and counts the daily limits: sent with the account so
     * the web app dates what it sends by it, not by a phone whose clock or time zone differs from the bed's.
     */
    private final Clock clock;

    AccountRoutes(AccountRepository accounts, Passwords passwords, Auth auth, LoginLimiter limiter, SignUpLimiter signUps,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.passwords = passwords;
        this.auth = auth;
        this.limiter = limiter;
        this.signUps = signUps;
    }

    /** Makes a household account: {@code {"login": …, "password": …}}; 201 with the account. */
    void create(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String login = JsonBodies.text(body, "login");
        String password = JsonBodies.text(body, "password");
        Optional<Duration> blocked = signUps.attempt(ctx.ip());
        if (blocked.isPresent()) {
            throw tooMany(ctx, blocked.get(), "too-many-accounts", "Too many accounts made", "$",
                    "too many accounts made from this address; try again in %d s");
        }
        if (login.isBlank()) {
            throw ApiProblem.badField("login", "must not be blank");
        }
        if (accounts.findByLogin(login).isPresent()) {
            throw ApiProblem.conflict("login", "login: " + login.strip().toLowerCase(Locale.ROOT) + " is taken");
        }
        Account account = accounts.create(login, passwords.hashNew(password), Account.Role.USER);
        ctx.header("Location", "/api/me");
        JsonBodies.send(ctx, 201, view(account));
    }

    /** Signs in: {@code {"login": …, "password": …}}; 200 with the account and the CSRF token, cookie set. */
    void signIn(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String login = JsonBodies.text(body, "login").strip().toLowerCase(Locale.ROOT);
        String password = JsonBodies.text(body, "password");
        String address = ctx.ip();
        Optional<Duration> blocked = limiter.blockedFor(login, address);
        if (blocked.isPresent()) {
            throw tooMany(ctx, blocked.get(), "too-many-attempts", "Too many sign-in attempts", "login",
                    "too many failed sign-ins for this login or from this address; try again in %d s");
        }
        Optional<Account> account = accounts.findByLogin(login);
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            limiter.failed(login, address);
            // the same answer for an unknown login and a wrong password: logins cannot be probed
            throw new ApiProblem(401, "wrong-login", "Sign-in refused", "password",
                    "the login or the password is wrong", java.util.List.of());
        }
        limiter.succeeded(login);
        String csrf = auth.signIn(ctx, account.get().id());
        Map<String, Object> out = view(account.get());
        out.put("csrfToken", csrf);
        out.put("today", LocalDate.now(clock).toString());
        JsonBodies.send(ctx, 200, out);
    }

    /** Signs out; 204. Needs a live session and its CSRF token, so another site cannot sign a person out. */
    void signOut(Context ctx) {
        auth.require(ctx);
        auth.signOut(ctx);
        ctx.status(204);
    }

    /** The signed-in account with its session's CSRF token, so a second tab need not sign in again. */
    void me(Context ctx) {
        String accountId = auth.require(ctx);
        Account account = accounts.find(accountId)
                .orElseThrow(() -> ApiProblem.unauthorized("the account of this session no longer exists"));
        Map<String, Object> out = view(account);
        auth.csrfToken(ctx).ifPresent(token -> out.put("csrfToken", token));
        out.put("today", LocalDate.now(clock).toString());
        JsonBodies.send(ctx, 200, out);
    }

    /** 429 with Retry-After in whole seconds (RFC 9110 §10.2.3), the detail saying the same. */
    private static ApiProblem tooMany(Context ctx, Duration wait, String slug, String title, String field, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return new ApiProblem(429, slug, title, field, String.format(Locale.ROOT, detail, seconds), java.util.List.of());
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("login", a.login());
        m.put("role", a.role().name().toLowerCase(Locale.ROOT));
        m.put("createdAt", a.createdAt().toString());
        return m;
    }
}
