/**
 * The labelled ticket set for ranking quality (issue 11 §1): tickets as customers write them, each
 * labelled with the incident it is about (or null: it matches no open incident), against
 * `LABELLED_INCIDENTS`. `TUNING` was used to choose the threshold and weights; `HELD_OUT` was written
 * afterwards and never tuned against, and its figures are reported separately.
 * Messages of one ticket are separated by form feeds, as the content script sends them.
 */
export interface LabelledTicket {
  subject: string;
  text: string;
  expect: string | null;
}

const F = '\f';

// Signatures and footers full of words that also appear in incidents (payment, email, login, secure,
// download): they must not decide the match.
const SIG_CORP = `Best regards,
Jana Novak
Head of E-commerce Operations | Brightwear GmbH
T +49 30 1234 5678 | M +49 170 0000000
Payments & checkout queries: payments@brightwear.example | Login to our partner portal: portal.brightwear.example
Download our app on the App Store and Google Play
This email and any attachments are confidential and intended solely for the addressee. If you received this email in error, please notify the sender and delete it. Email transmission cannot be guaranteed to be secure or error-free.`;

const SIG_SHORT = `Thanks,
Tom
Sent from my iPhone`;

const SIG_LONG_SHOP = `Kind regards

Priya Raman
Founder, Little Leaf Candles
www.littleleaf.example | Instagram @littleleafcandles
Free shipping on orders over £40 | Sign up to our newsletter for 10% off
Our SMS & email marketing preferences can be managed in your account.
CONFIDENTIALITY NOTICE: the information in this message, including any invoice, payment or login details, is confidential.`;

const QUOTED_AGENT = `On Mon, 2 Dec 2026 at 09:14, Shoply Support <support@shoply.example> wrote:
> Hi there, thanks for reaching out about your invoice PDFs and the dashboard reports.
> Could you send us a screenshot of the webhook settings and your SSO configuration?
> We've also checked the SMS verification logs and the search index.
> Best, Carla`;

export const TUNING: LabelledTicket[] = [
  // INC-101 checkout 502
  { expect: 'INC-101', subject: 'Customers cant pay!!', text: `Hi, since this morning our customers get an error at the last step of checkout. Something like "502 Bad Gateway". We are losing orders. ${F}${SIG_CORP}` },
  { expect: 'INC-101', subject: 'payment failing', text: `hello, card payments keep failing on our shop in Germany, the customer just sees a server error page when they click "Pay now".\n\n${SIG_SHORT}` },
  { expect: 'INC-101', subject: 'Zahlung funktioniert nicht', text: `Hallo, bei uns funktioniert der Checkout nicht mehr. Kunden bekommen "502" beim Bezahlen. Bitte dringend prüfen!\n\nMit freundlichen Grüßen\nKlaus` },
  { expect: 'INC-101', subject: 'orders not going through', text: `Our french store: "le paiement ne marche pas", customers stuck on the chekout page with an error 502. Is the payment gateway down?` },
  // INC-102 SSO
  { expect: 'INC-102', subject: 'Cannot sign in with Okta', text: `Our whole team can't sign in this morning. We use Okta and it just says invalid SAML response. Regular passwords?? we don't have those.\n\n${SIG_CORP}` },
  { expect: 'INC-102', subject: 'SSO broken', text: `single sign on stopped working for our workspace, nobody can log in. Please fix asap` },
  { expect: 'INC-102', subject: 'login loop', text: `Hi team, when I click "Log in with SSO" I get sent back to the login page with an error about SAML. Colleagues have the same.${F}Update: still happening, we rotated nothing on our side.` },
  // INC-103 email notifications
  { expect: 'INC-103', subject: 'order confirmation emails not sent', text: `Our customers are complaining they don't receive the order confirmation email. Some get it 2 hours later. ${SIG_LONG_SHOP}` },
  { expect: 'INC-103', subject: 'Shipping notifications late', text: `hey, shipping notification mails are arriving super late (like hours) to my buyers. what's going on` },
  { expect: 'INC-103', subject: 'no mails', text: `Bonjour, nos clients ne reçoivent pas les e-mails de confirmation de commande. Les emails arrivent avec beaucoup de retard.\nCordialement\nMarie` },
  // INC-104 dashboards slow
  { expect: 'INC-104', subject: 'Reports take forever', text: `The sales report page keeps spinning and then times out. Yesterday it was instant. ${F}${SIG_SHORT}` },
  { expect: 'INC-104', subject: 'dashboard very slow', text: `Hi, analytics dashbaord is sooo slow today, 30+ seconds to load each chart` },
  { expect: 'INC-104', subject: 'Analytics not loading', text: `Our analytics page shows a spinner for a minute then "request timed out". Can't do our weekly numbers.\n\n${SIG_CORP}` },
  // INC-105 iOS crash
  { expect: 'INC-105', subject: 'App crashes', text: `Since I updated my iPhone the Shoply app closes immediately when I open it. Crash on startup every time.` },
  { expect: 'INC-105', subject: 'iOS app not opening', text: `our staff use the iOS app to manage orders, after the update to iOS 18 it crashes right at launch. android phones are fine` },
  { expect: 'INC-105', subject: 'mobile app keeps closing', text: `Hola, la app en el iPhone se cierra sola al abrirla. Crash constante desde ayer.\nSaludos\nDiego` },
  // INC-106 exports
  { expect: 'INC-106', subject: 'Export stuck', text: `I exported my orders to CSV 3 hours ago and it still says "Processing". Need this for accounting today.` },
  { expect: 'INC-106', subject: 'cannot download customer list', text: `The customer export never finishes, I've tried four times. The download button never appears.\n\n${SIG_LONG_SHOP}` },
  { expect: 'INC-106', subject: 'CSV export not working', text: `export of products as csv is spinning forever. processing processing processing...` },
  // INC-107 webhooks
  { expect: 'INC-107', subject: 'Webhooks delayed', text: `We're not receiving order.created webhooks on our endpoint, or they come 20 min late. Our warehouse system depends on it.` },
  { expect: 'INC-107', subject: 'integration not getting events', text: `Our ERP integration stopped getting the order.paid webhook events since about 10:00 UTC. Nothing changed on our endpoint. ${F}${SIG_CORP}` },
  { expect: 'INC-107', subject: 'missing webhook calls', text: `hi, are webhook deliveries broken? our logs show no calls from you for the last hour` },
  // INC-108 search
  { expect: 'INC-108', subject: 'New products not showing in search', text: `I added 12 new products on Wednesday and customers can't find them with the search bar on my shop. Old products show up fine.` },
  { expect: 'INC-108', subject: 'search broken on my store', text: `Searching for my new summer collection on the storefront gives no results. The products are published!\n\n${SIG_SHORT}` },
  { expect: 'INC-108', subject: 'Suche zeigt neue Produkte nicht', text: `Hallo, neue Produkte erscheinen nicht in der Suche im Shop. Die Search findet nur alte Artikel.` },
  // INC-109 uploads
  { expect: 'INC-109', subject: 'cant upload photos', text: `Every time I try to add pictures to a product it says "Upload failed". Tried Chrome and Safari.` },
  { expect: 'INC-109', subject: 'Image upload error', text: `product editor won't accept images anymore, upload fails at 100%. jpg and png both.\n\n${SIG_LONG_SHOP}` },
  { expect: 'INC-109', subject: 'pictures', text: `hi, i can't add images to my products, it just shows upload failed. please help, launching tomorrow` },
  // INC-110 SMS codes
  { expect: 'INC-110', subject: 'Not receiving verification code', text: `I'm not getting the SMS code to log in. I'm in London, tried 5 times. My colleague in France got hers.` },
  { expect: 'INC-110', subject: '2FA text never arrives', text: `The two factor text message never comes through to my UK mobile number so I'm locked out.${F}${SIG_CORP}` },
  { expect: 'INC-110', subject: 'OTP', text: `otp sms not arriving, uk number +44. cannot get into admin` },
  // INC-111 invoice PDFs
  { expect: 'INC-111', subject: 'Invoice download fails', text: `When I click download on my November invoice I get an error, no PDF. Our accountant needs it.` },
  { expect: 'INC-111', subject: 'Rechnung PDF', text: `Hallo, ich kann meine Rechnung nicht als PDF herunterladen. Es kommt ein Fehler.\nViele Grüße\nAnna` },
  { expect: 'INC-111', subject: 'invoices', text: `The monthly invoice PDF won't generate for our account, we have a lot of line items if that matters.\n\n${SIG_SHORT}` },
  // INC-112 Sydney storefront
  { expect: 'INC-112', subject: 'Our shop is down', text: `Our store is down for customers in Australia, they see "503 Service Unavailable". We're based in Melbourne.` },
  { expect: 'INC-112', subject: 'site offline NZ', text: `customers in New Zealand say my shop won't load at all. is there an outage?` },
  { expect: 'INC-112', subject: 'Storefront unavailable', text: `Our storefront is unavailable since 2pm AEST, it's peak season!!\n\n${SIG_CORP}` },
  // INC-113 Shopify sync
  { expect: 'INC-113', subject: 'stock not syncing from Shopify', text: `Inventory from our Shopify store is hours behind, we sold items that were already sold out.` },
  { expect: 'INC-113', subject: 'Shopify integration delay', text: `The Shopify sync is super slow today, stock levels are wrong on the marketplace.\n\n${SIG_LONG_SHOP}` },
  { expect: 'INC-113', subject: 'sold out items still available', text: `Items that are sold out in shopify still show as in stock here. The inventroy sync seems stuck?` },
  // INC-114 password reset
  { expect: 'INC-114', subject: 'reset link expired', text: `I forgot my password, requested a reset and the link says it has expired straight away. Tried 3 times.` },
  { expect: 'INC-114', subject: 'password reset not working', text: `The reset password email arrives but clicking the link says "This link has expired". ${F}${SIG_SHORT}` },
  { expect: 'INC-114', subject: 'Mot de passe', text: `Bonjour, le lien de reset password est expiré dès que je clique dessus. Merci` },
  // Their own INC- references, including one in quoted history only
  { expect: 'INC-107', subject: 'Re: INC-107 any news?', text: `Hi, any update on INC-107? Still missing events.` },
  { expect: 'INC-111', subject: 'Re: your reply', text: `Still broken for me.\n\nOn Tue, 3 Dec 2026, Shoply Support wrote:\n> We are tracking this as INC-111, sorry for the trouble.` },
  { expect: 'INC-104', subject: 'question', text: `Is INC-104 the reason our charts are slow?` },

  // Unrelated: match no open incident
  { expect: null, subject: 'How do I add a staff account?', text: `Hi, we hired a new assistant. How can I give her access to the admin with limited permissions?\n\n${SIG_CORP}` },
  { expect: null, subject: 'Change shop name', text: `Can I change the name of my shop without losing my domain?` },
  { expect: null, subject: 'Feature request: dark mode', text: `Would love a dark mode for the admin, my eyes hurt at night lol` },
  { expect: null, subject: 'Cancel subscription', text: `Please cancel my subscription at the end of this billing period. We are closing the business.\n\n${SIG_LONG_SHOP}` },
  { expect: null, subject: 'Custom domain', text: `How do I connect my own domain? Which DNS records do I need to set at GoDaddy?` },
  { expect: null, subject: 'Tax settings for Canada', text: `How do I charge GST/HST for Canadian buyers? I can't find the tax settings.` },
  { expect: null, subject: 'Refund for order #10234', text: `A customer asked for a refund on order 10234, how do I refund only one item of the order?` },
  { expect: null, subject: 'shipping rates', text: `Hi!! how do I set different shipping rates for Europe and the US? thx` },
  { expect: null, subject: 'GDPR data deletion', text: `One of our customers asked to be forgotten under GDPR. How do we delete their personal data?\n\n${SIG_CORP}` },
  { expect: null, subject: 'Theme colours', text: `I want to change the colour of the buttons in my theme, where is that setting? The theme editor is confusing.` },
  { expect: null, subject: 'Discount codes', text: `Can I create a discount code that only works for first-time customers?` },
  { expect: null, subject: 'Upgrade plan', text: `What's the difference between the Plus and Pro plans? Thinking of upgrading.${F}${SIG_SHORT}` },
  { expect: null, subject: 'translate my store', text: `Is it possible to have my storefront in French and German at the same time?` },
  { expect: null, subject: 'Gift cards', text: `Do you support gift cards? A customer wants to buy one for her sister.` },
  { expect: null, subject: 'Pregunta sobre envíos', text: `Hola, ¿cómo configuro envío gratis para pedidos grandes? Gracias\nSaludos\nLucía` },
  { expect: null, subject: 'Product variants', text: `How do I add sizes and colours as variants to one product instead of separate products?` },
  { expect: null, subject: 'Thank you!', text: `Just wanted to say thanks to Carla for the help last week, everything works great now.\n\n${QUOTED_AGENT}` },
  { expect: null, subject: 'Abandoned cart emails', text: `Do you have a feature to remind customers who left items in their basket? Would that cost extra?` },
  { expect: null, subject: 'Delete old products', text: `Is there a bulk delete for discontinued products? I have 300 of them.\n\n${SIG_LONG_SHOP}` },
  { expect: null, subject: 'Change VAT number', text: `Our VAT number changed after we moved office, where do I update it so it shows on our invoices from next month?` },
];

export const HELD_OUT: LabelledTicket[] = [
  { expect: 'INC-101', subject: 'URGENT - revenue zero since 9am', text: `Nobody can complete a purchase on our Dutch shop. At the end they get "Bad Gateway". Our card terminal in the physical store works fine.\n\n${SIG_CORP}` },
  { expect: 'INC-102', subject: 'cant get in', text: `We use Okta for everything and today your login screen throws "Invalid SAML response" at all 40 of us.${F}${SIG_SHORT}` },
  { expect: 'INC-103', subject: 'Kunden bekommen keine Bestätigungsmail', text: `Hallo, unsere Kunden bekommen die Bestellbestätigung per E-Mail erst Stunden später. Notifications scheinen zu hängen.\nGruß\nJens` },
  { expect: 'INC-104', subject: 'sales report timeout', text: `hi, the sales report keeps timing out when I pick "last 30 days". small shop, not much data` },
  { expect: 'INC-106', subject: 'order export', text: `I need my orders as a spreadsheet for the tax man but the export has been "processing" since lunch.\n\n${QUOTED_AGENT}` },
  { expect: 'INC-108', subject: 'products missing from search results', text: `New arrivals don't come up when shoppers search for them on our site. Existing products come up fine.` },
  { expect: 'INC-110', subject: 'no code', text: `Trying to log in, it says a code was sent to my phone (+44 7700) but nothing arrives. Can't get into the admin.\n\n${SIG_LONG_SHOP}` },
  { expect: 'INC-112', subject: 'Site down?', text: `Is the platform having an outage? Our Sydney customers get 503 errors on every page of the shop.` },
  { expect: 'INC-113', subject: 'overselling', text: `We keep overselling because the stock numbers coming over from Shopify are hours out of date.` },
  { expect: 'INC-114', subject: 'locked out', text: `Forgot my password, the email comes but the link is "expired" the second I click it.` },
  { expect: null, subject: 'Invoice address wrong', text: `Our company moved, how do I change the address printed on the invoices you send us?\n\n${SIG_CORP}` },
  { expect: null, subject: 'Can I sell on Instagram?', text: `Is there an integration to sell my products on Instagram and Facebook shops?` },
  { expect: null, subject: 'Password policy', text: `Can we require stronger passwords for our staff accounts?` },
  { expect: null, subject: 'Mobile layout', text: `My product pages look weird on mobile, the images are too big. Is it my theme?` },
  { expect: null, subject: 'Merci pour votre aide', text: `Bonjour, tout fonctionne maintenant, merci beaucoup !\nCordialement\nÉlodie` },
];
