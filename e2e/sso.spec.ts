import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, PASSWORD, screenshotsTo, signUp, signUpWithOrganisation } from "./fixtures";
import { signInAtProvider, startOidcProvider, type OidcProvider } from "./oidc-provider";
import { useOwnServer } from "./own-server";

// An owner connects a real OpenID Connect provider (started here); people of the domain sign in
// through it and land in the organisation with the role their groups give; others are refused.
const shots = screenshotsTo("SSO_SHOTS");
const PROVIDER_PORT = 3455;
const SWAPPED_PORT = 3456;
const domain = `sso${Date.now().toString(36)}.test`;
const ann = { email: `ann@${domain}`, name: "Ann Admin", groups: ["staff", "stave-admins"] };
const bob = { email: `bob@${domain}`, name: "Bob Member", groups: ["staff"] };
const eve = { email: `eve@elsewhere-${domain}`, name: "Eve Elsewhere", groups: ["stave-admins"] };

async function freshPage(browser: Browser, baseURL: string): Promise<Page> {
  return (await browser.newContext({ baseURL })).newPage();
}

/** The owner's settings saved with `issuer` for `domains`, as in the journey below. */
async function saveSso(page: Page, idp: OidcProvider, domains: string) {
  await page.goto("/organisation/sso");
  idp.allowRedirect((await page.getByTestId("sso-redirect-uri").textContent())!.trim());
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Allowed e-mail domains").fill(domains);
  await page.getByRole("button", { name: "Save single sign-on" }).click();
  await expect(page.getByText(`People of ${domains} can sign in`)).toBeVisible();
}

async function startSso(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
}

test.describe("single sign-on", () => {
  let provider: OidcProvider;
  test.beforeAll(async () => void (provider = await startOidcProvider(PROVIDER_PORT, [ann, bob, eve])));
  test.afterAll(() => provider.close());
  // The provider listens on loopback: the operator allows its origin, as one must for a private address.
  const server = useOwnServer(3450, { env: () => ({ STAVE_SSO_ALLOW_ORIGINS: `http://127.0.0.1:${PROVIDER_PORT},http://127.0.0.1:${SWAPPED_PORT}` }) });

  test("an owner connects the provider; its people join with their mapped role; others and passwords are refused", async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await freshPage(browser, server.baseURL());
    const owner = await signUpWithOrganisation(page);
    await page.goto("/organisation");
    await page.getByRole("link", { name: "Set up single sign-on" }).click();
    await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
    await expectAccessible(page);
    const redirectUri = (await page.getByTestId("sso-redirect-uri").textContent())!.trim();
    expect(redirectUri).toMatch(/\/api\/auth\/sso\/callback\/org-/);
    provider.allowRedirect(redirectUri);

    // A wrong issuer is said when saving, and nothing is saved.
    await page.getByLabel("Issuer URL").fill(`${provider.issuer}/wrong`);
    await page.getByLabel("Client ID").fill(provider.clientId);
    await page.getByLabel("Client secret").fill(provider.clientSecret);
    await page.getByLabel("Allowed e-mail domains").fill("not a domain");
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByText("Not an e-mail domain: not, a, domain.").first()).toBeVisible();
    await page.getByLabel("Client secret").fill(provider.clientSecret);
    await page.getByLabel("Allowed e-mail domains").fill(domain);
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByText(/The provider answered 404/).first()).toBeVisible();

    await page.getByLabel("Issuer URL").fill(provider.issuer);
    await page.getByLabel("Client secret").fill(provider.clientSecret);
    await page.getByLabel("Group value 1").fill("stave-admins");
    await page.getByLabel("Role for group 1").selectOption("admin");
    await page.getByLabel("Password sign-in off for these domains").check();
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await expect(page.getByText(`People of ${domain} can sign in`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Client secret")).toHaveValue("");
    await expect(page.getByText("A secret is saved and never shown again")).toBeVisible();
    await expect(page.getByLabel("Allowed e-mail domains")).toHaveValue(domain);
    await expectAccessible(page);
    await shots(page, "sso-settings");

    // Ann is in "stave-admins": she joins as an admin. Bob is in no mapped group: a member.
    const annPage = await freshPage(browser, server.baseURL());
    await startSso(annPage, ann.email);
    await signInAtProvider(annPage, ann.email);
    await expect(annPage).not.toHaveURL(/sign-in|127\.0\.0\.1/);
    await expect(annPage.getByText(owner.organisation).first()).toBeVisible();
    const bobPage = await freshPage(browser, server.baseURL());
    await startSso(bobPage, bob.email);
    await signInAtProvider(bobPage, bob.email);
    await expect(bobPage).not.toHaveURL(/sign-in|127\.0\.0\.1/);
    await page.goto("/members");
    await expect(page.getByLabel(`Role of ${ann.name}`)).toHaveValue("admin");
    await expect(page.getByLabel(`Role of ${bob.name}`)).toHaveValue("member");

    // Eve starts from a domain no organisation claims: told at once.
    const evePage = await freshPage(browser, server.baseURL());
    await startSso(evePage, eve.email);
    await expect(evePage.getByText(/No organisation signs in with single sign-on for elsewhere-/)).toBeVisible();
    // Typing Ann's domain but signing in at the provider as Eve: refused on return, and she is not created.
    await startSso(evePage, `someone@${domain}`);
    await signInAtProvider(evePage, eve.email);
    await expect(evePage.getByTestId("sso-refusal")).toHaveText(/does not allow that e-mail address's domain/);
    await page.reload();
    await expect(page.getByText(eve.email)).toHaveCount(0);
    // No account was half-made either: the address is still free to sign up with.
    await signUp(await freshPage(browser, server.baseURL()), { name: eve.name, email: eve.email, password: PASSWORD });

    // Password sign-in is off for the domain: the password form points to single sign-on.
    await evePage.getByLabel("Email", { exact: true }).fill(ann.email);
    await evePage.getByLabel("Password").fill("whatever password");
    await evePage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(evePage.getByText(/Your organisation signs in with single sign-on/).first()).toBeVisible();
    // Nor can a password account be made for an address of the domain: that would go round it.
    await evePage.goto("/sign-up");
    await evePage.getByLabel("Your name").fill("Newcomer");
    await evePage.getByLabel("Email").fill(`newcomer@${domain}`);
    await evePage.getByLabel("Password").fill(PASSWORD);
    await evePage.getByRole("button", { name: "Create account" }).click();
    await expect(evePage.getByText(/your account is made the first time you sign in with it/).first()).toBeVisible();
    await expect(evePage).toHaveURL(/\/sign-up/);
  });

  test("the sign-in page offers single sign-on, and refuses a callback whose state Stave never issued", async ({ browser }) => {
    // A fresh installation sends /sign-in to its first sign-up: someone has signed up first.
    await signUpWithOrganisation(await freshPage(browser, server.baseURL()));
    const page = await freshPage(browser, server.baseURL());
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in with your organisation’s single sign-on" })).toBeVisible();
    await expectAccessible(page);
    await shots(page, "sign-in-choice");

    await page.goto("/api/auth/sso/callback/org-00000000-0000-0000-0000-000000000000?code=forged&state=forged");
    await expect(page).toHaveURL(/\/sign-in\?sso=failed/);
    await expect(page.getByTestId("sso-refusal")).toHaveText(/does not belong to a sign-in started here/);
    await expectAccessible(page);
  });

  test("an ID token from another issuer than the one saved is refused, and nobody is created", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await freshPage(browser, server.baseURL());
    await signUpWithOrganisation(page);
    const otherDomain = `issuer-${domain}`;
    const zed = { email: `zed@${otherDomain}`, name: "Zed Issuer", groups: [] };
    // Saved while the provider names itself http://127.0.0.1:…; then another one, naming itself
    // http://localhost:…, answers at the same address and signs its tokens as itself.
    const saved = await startOidcProvider(SWAPPED_PORT, [zed]);
    await saveSso(page, saved, otherDomain);
    await saved.close();
    const impostor = await startOidcProvider(SWAPPED_PORT, [zed], `http://localhost:${SWAPPED_PORT}`);
    try {
      impostor.allowRedirect((await page.getByTestId("sso-redirect-uri").textContent())!.trim());
      const zedPage = await freshPage(browser, server.baseURL());
      await startSso(zedPage, zed.email);
      await signInAtProvider(zedPage, zed.email);
      await expect(zedPage.getByTestId("sso-refusal")).toHaveText(/another issuer/);
      await page.goto("/members");
      await expect(page.getByText(zed.email)).toHaveCount(0);
      await signUp(await freshPage(browser, server.baseURL()), { name: zed.name, email: zed.email, password: PASSWORD });
    } finally {
      await impostor.close();
    }
  });
});
