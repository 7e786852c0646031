/** Catalogue the order generator draws from; prices are in integer cents so generated totals are exact. */
export const PRODUCTS = [
  { productId: 'LAPTOP', minPriceCents: 50_000, maxPriceCents: 200_000 },
  { productId: 'PHONE', minPriceCents: 20_000, maxPriceCents: 120_000 },
  { productId: 'HEADPHONES', minPriceCents: 2_000, maxPriceCents: 30_000 },
  { productId: 'KEYBOARD', minPriceCents: 2_000, maxPriceCents: 15_000 },
  { productId: 'MONITOR', minPriceCents: 10_000, maxPriceCents: 80_000 },
  { productId: 'MOUSE', minPriceCents: 1_000, maxPriceCents: 10_000 },
] as const;
