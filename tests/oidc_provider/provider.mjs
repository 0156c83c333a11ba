// A real OpenID Connect provider on loopback for the single sign-on tests.
//
// Anyone may sign in with any password: the login is taken as the account's email
// address, and its given and family names come from the address ("sam.staff@..."
// is Sam Staff). Tokens are signed with an RSA key made afresh on every start.
//
// Signing out (RP-initiated logout) asks for confirmation, as many providers do, with
// no way to stay signed in: it returns to the client only once the session has ended.
//
// Environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS and
// OIDC_POST_LOGOUT_REDIRECT_URIS (comma-separated). Prints "ready <issuer>" once it
// is listening.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' };

function listFrom(value) {
  return (value || '').split(',').filter(Boolean);
}

function namesFrom(email) {
  const [given = '', family = ''] = email.split('@')[0].split('.');
  const title = (part) => part.charAt(0).toUpperCase() + part.slice(1);
  return { given_name: title(given), family_name: title(family) };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: listFrom(process.env.OIDC_REDIRECT_URIS),
      post_logout_redirect_uris: listFrom(process.env.OIDC_POST_LOGOUT_REDIRECT_URIS),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name'],
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign out</title></head>
<body>
  <h1>Sign out of your council account?</h1>
  ${form}
  <button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
</body>
</html>`;
      },
    },
  },
  async findAccount(ctx, accountId) {
    return {
      accountId,
      async claims() {
        const email = accountId.trim();
        return { sub: email, email, email_verified: true, ...namesFrom(email) };
      },
    };
  },
  // The council has consented for its staff, as a directory does for its own apps.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
