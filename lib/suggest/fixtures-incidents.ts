import type { RankableIncident } from './rank';

/**
 * A realistic open-incident list for the labelled set: an e-commerce platform's incidents as
 * responders write them (terse names, technical summaries), several deliberately close to each
 * other (two authentication incidents, two storefront ones, email vs password-reset email).
 */
export const LABELLED_INCIDENTS: RankableIncident[] = [
  {
    id: 'inc101', reference: 'INC-101', name: 'Checkout returning 502 errors for EU customers',
    summary: 'The payments API behind the EU load balancer returns 502 Bad Gateway for a share of card payments. Orders fail at the final step.',
    latestUpdate: 'We have identified a faulty deploy of the payments gateway and are rolling it back.',
    fieldValues: ['Checkout', 'Payments API'],
  },
  {
    id: 'inc102', reference: 'INC-102', name: 'SSO login failures for Okta-connected workspaces',
    summary: 'SAML assertions from Okta are rejected after a certificate rotation; users see "Invalid SAML response".',
    latestUpdate: 'Fix is being tested; password logins are not affected.',
    fieldValues: ['Authentication', 'SSO'],
  },
  {
    id: 'inc103', reference: 'INC-103', name: 'Delayed email notifications',
    summary: 'Transactional emails (order confirmations, shipping notifications) are delayed by up to 2 hours because of a backlog at our email provider.',
    latestUpdate: 'The backlog is draining; new emails go out within 20 minutes.',
    fieldValues: ['Notifications', 'Email delivery'],
  },
  {
    id: 'inc104', reference: 'INC-104', name: 'Analytics dashboards slow to load',
    summary: 'Dashboards and sales reports take more than 30 seconds to load or time out. Cause: replication lag on the reporting database.',
    latestUpdate: 'Added read capacity; p95 load time is down to 9 s and falling.',
    fieldValues: ['Analytics', 'Reporting database'],
  },
  {
    id: 'inc105', reference: 'INC-105', name: 'iOS app crashes on launch',
    summary: 'Version 5.2 of the iOS app crashes at start-up on iOS 18 devices. Android is not affected.',
    latestUpdate: 'A fixed build (5.2.1) is in App Store review.',
    fieldValues: ['Mobile app', 'iOS'],
  },
  {
    id: 'inc106', reference: 'INC-106', name: 'Data exports stuck in processing',
    summary: 'CSV exports of orders and customers never complete: the export worker queue is stalled.',
    latestUpdate: 'Workers restarted, queued exports are being processed in order.',
    fieldValues: ['Data export'],
  },
  {
    id: 'inc107', reference: 'INC-107', name: 'Webhook deliveries delayed',
    summary: 'Outgoing webhooks (order.created, order.paid) are delayed or dropped for some endpoints; retries are queued.',
    latestUpdate: 'Delivery workers scaled up; the retry queue is shrinking.',
    fieldValues: ['Developer platform', 'Webhooks'],
  },
  {
    id: 'inc108', reference: 'INC-108', name: 'Storefront search not showing new products',
    summary: 'The product search index stopped updating: products added since Tuesday do not appear in storefront search results.',
    latestUpdate: 'Reindex running, about 40% done.',
    fieldValues: ['Storefront', 'Search'],
  },
  {
    id: 'inc109', reference: 'INC-109', name: 'Image uploads failing in product editor',
    summary: 'Uploading product images fails with "Upload failed" after a storage bucket permission change.',
    latestUpdate: 'Permissions restored for new uploads; retry any failed images.',
    fieldValues: ['Admin', 'Media storage'],
  },
  {
    id: 'inc110', reference: 'INC-110', name: 'SMS verification codes not arriving (UK)',
    summary: 'Two-factor codes sent by SMS to UK numbers are delayed or lost because of a carrier problem at our SMS provider.',
    latestUpdate: 'Traffic moved to a second provider; codes arrive again for most numbers.',
    fieldValues: ['Authentication', 'SMS'],
  },
  {
    id: 'inc111', reference: 'INC-111', name: 'Invoice PDFs fail to generate',
    summary: 'Monthly invoices cannot be downloaded as PDF: the PDF renderer errors for invoices with more than 50 lines.',
    latestUpdate: 'Workaround: invoices are available as HTML under Billing → Invoices.',
    fieldValues: ['Billing', 'Invoicing'],
  },
  {
    id: 'inc112', reference: 'INC-112', name: 'Storefronts unavailable in the Sydney region',
    summary: 'Shops hosted in ap-southeast-2 return 503 Service Unavailable for shoppers in Australia and New Zealand.',
    latestUpdate: 'Failing over to a standby cluster.',
    fieldValues: ['Storefront', 'APAC hosting'],
  },
  {
    id: 'inc113', reference: 'INC-113', name: 'Shopify inventory sync delayed',
    summary: 'Stock levels from the Shopify integration sync several hours late, so sold-out items still show as available.',
    latestUpdate: 'The sync job is catching up, currently about 3 hours behind.',
    fieldValues: ['Integrations', 'Inventory sync'],
  },
  {
    id: 'inc114', reference: 'INC-114', name: 'Password reset links expire immediately',
    summary: 'Links in password reset emails show "This link has expired" as soon as they are opened.',
    latestUpdate: 'Token lifetime misconfiguration found; fix deploying.',
    fieldValues: ['Authentication', 'Accounts'],
  },
];
