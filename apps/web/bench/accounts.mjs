/** The demo admin's sign-in details, as the demo server lists them. */
export async function demoAdmin(baseUrl) {
  const accounts = await (await fetch(`${baseUrl}/api/demo/accounts`)).json();
  const admin = accounts.find((account) => account.role === 'admin');
  if (!admin) throw new Error('the demo has no admin account');
  return admin;
}

/** Signs a browser context in through the API: its pages then carry the session cookie. */
export async function signIn(context, baseUrl, account) {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { email: account.email, password: account.password },
  });
  if (!response.ok()) throw new Error(`sign-in as ${account.email}: ${response.status()}`);
}
