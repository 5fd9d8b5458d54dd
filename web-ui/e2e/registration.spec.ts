import { expect, test } from './support/test';
import { checkPage, openAs, openNavigation, uniqueTag } from './support/app';

const PASSWORD = 'a-long-enough-Passw0rd';

test('a new user waits for approval, an admin approves them, and a deactivated user is signed out at once and cannot sign in again', async ({
  page,
  anotherBrowser,
}, testInfo) => {
  const tag = uniqueTag(testInfo);
  const username = `new-${tag}`;
  const fullName = `Nina Newcomer ${tag}`;

  // 1. sign-up on Keycloak: the account exists, but has no CRM role yet
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.locator('#username').fill(username);
  await page.locator('#email').fill(`new.${tag}@example.com`);
  await page.locator('#firstName').fill('Nina');
  await page.locator('#lastName').fill(`Newcomer ${tag}`);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password-confirm').fill(PASSWORD);
  await page.locator('input[type=submit], button[type=submit]').click();

  const waiting = page.getByRole('heading', { level: 1, name: 'Waiting for approval' });
  await expect(waiting).toBeVisible();
  await expect(page.getByRole('main')).toContainText(fullName);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await checkPage(page, testInfo, 'waiting-for-approval');
  // a deep link to a CRM page shows the same page, and no CRM data
  await page.goto('/customers/new');
  await expect(waiting).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);

  // 2. an admin finds the newcomer on the Users page and approves them as Sales
  const admin = await anotherBrowser();
  await openAs(admin, 'admin', '/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await admin.getByRole('searchbox', { name: 'Search users' }).fill(username);
  const row = admin.getByRole('listitem', { name: fullName });
  await expect(row.getByText('Waiting for approval')).toBeVisible();
  await checkPage(admin, testInfo, 'users');
  await row.getByRole('combobox', { name: `Role ${fullName}` }).click();
  await admin.getByRole('option', { name: 'Sales' }).click();
  const approve = admin.getByRole('dialog', { name: `Approve ${fullName} as Sales?` });
  await expect(approve).toBeVisible();
  await checkPage(admin, testInfo, 'users-approve');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toHaveCount(0);
  await expect(row.getByRole('combobox', { name: `Role ${fullName}` })).toHaveText('Sales');
  await expect(row.getByText('Waiting for approval')).toHaveCount(0);

  // 3. the newcomer checks again and is in, as Sales
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByLabel('Signed in as')).toHaveText(fullName);
  // the role: a chip beside the name, on a phone the name's tooltip
  await expect(page.getByLabel('Signed in as')).toHaveAttribute('title', 'Sales');
  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'New customer' })).toBeVisible();

  // 4. the admin deactivates the account: signing in again is refused by Keycloak
  await row.getByRole('button', { name: `Deactivate ${fullName}` }).click();
  const deactivate = admin.getByRole('dialog', { name: `Deactivate ${fullName}?` });
  await deactivate.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row.getByText('Deactivated')).toBeVisible();
  await checkPage(admin, testInfo, 'users-deactivated');

  // the newcomer's open page is signed out at once: their next step lands on Keycloak's login page
  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
  await expect(page.locator('#kc-login')).toBeVisible();

  const again = await anotherBrowser();
  await again.goto('/customers');
  await again.locator('#username').fill(username);
  await again.locator('#password').fill(PASSWORD);
  await again.locator('#kc-login').click();
  // Keycloak says "Account is disabled" (or, while brute-force counting, "Invalid username or password")
  await expect(again.getByText(/account is disabled|invalid username or password/i)).toBeVisible();
  await expect(again.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
