// A-MON-2: the bank card side behind an interface; the embedded default is a test gateway
// with the usual test cards: 4111 1111 1111 1111 approves, 4000 0000 0000 0002 declines,
// 4000 0000 0000 3220 asks for 3-D Secure (code 1234 confirms).
export interface PaymentGateway {
  charge(c: { cardNumber: string; expiry: string; cvc: string; amount: number }): Promise<'approved' | 'declined' | '3ds_required'>;
  confirm3ds(paymentId: string, code: string): Promise<boolean>;
  /** E-wallets (A-MON-2): the test wallet declines accounts containing "decline". */
  chargeWallet(w: { wallet: string; account: string; amount: number }): Promise<'approved' | 'declined'>;
}

export const testGateway: PaymentGateway = {
  async charge(c) {
    if (c.cardNumber === '4000000000000002') return 'declined';
    if (c.cardNumber === '4000000000003220') return '3ds_required';
    return luhn(c.cardNumber) ? 'approved' : 'declined';
  },
  async confirm3ds(_id, code) {
    return code === '1234';
  },
  async chargeWallet(w) {
    return /decline/i.test(w.account) ? 'declined' : 'approved';
  },
};

function luhn(n: string): boolean {
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
