// The product's own POST /produce, deployed again with the ceiling's queue as its ORDERS_QUEUE_URL, so that the draining
// benchmark feeds the ceiling consumer exactly as it feeds ours.
export { handler } from '../../../src/handlers/http/produce';
