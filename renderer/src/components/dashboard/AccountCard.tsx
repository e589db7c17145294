// The account card of the Dashboard and the account pages is the auth card
// (components/auth/AuthCard.tsx); this name stays for the pages that import it.
export { AuthCard as AccountCard } from '../auth/AuthCard';
