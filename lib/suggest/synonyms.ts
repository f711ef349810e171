/**
 * Synonym groups for ticket ↔ incident matching: data, not code. Each line is one concept; any of
 * its words or phrases in a ticket matches any other in an incident ("can't sign in" finds "SSO
 * login failures"). Entries are folded and stemmed like all text (see analyze.ts), so list the plain
 * word once. A few loan words and near-translations customers use are included (paiement, Zahlung).
 * Keep groups narrow: a group that is too wide makes unrelated tickets match.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['outage', 'down', 'broken', 'unavailable', 'offline', 'unreachable', 'not loading', 'wont load', 'panne', 'ausfall', 'caido', 'caída'],
  ['login', 'log in', 'logon', 'sign in', 'signin', 'sso', 'single sign on', 'saml', 'okta', 'authentication', 'authenticate', '2fa', 'mfa', 'connexion', 'anmeldung', 'einloggen', 'iniciar sesion'],
  ['payment', 'pay', 'checkout', 'billing', 'card', 'charge', 'paiement', 'zahlung', 'pago', 'pagamento', 'transaction'],
  ['invoice', 'receipt', 'facture', 'rechnung', 'factura'],
  ['email', 'e mail', 'mail', 'inbox', 'newsletter', 'smtp', 'courriel'],
  ['slow', 'latency', 'timeout', 'timed out', 'time out', 'lag', 'laggy', 'sluggish', 'hang', 'spinning', 'lent', 'langsam', 'lento'],
  ['5xx', '500', '502', '503', '504', 'bad gateway', 'gateway timeout', 'internal server error', 'service unavailable', 'server error'],
  ['notification', 'push', 'alert'],
  ['export', 'download', 'csv'],
  ['upload', 'attachment', 'attach'],
  ['search', 'lookup'],
  ['api', 'webhook', 'integration', 'endpoint'],
  ['mobile', 'ios', 'android', 'iphone', 'app store'],
  ['password', 'reset password', 'forgot password'],
  ['dashboard', 'report', 'analytics', 'chart'],
  ['sms', 'text message', 'otp'],
];
