import { corsPreflightHeaders } from '../../../src/http/cors/corsHeaders';

test("a page of an allowed origin may send an AWS stage's credentials: the API key and a bearer token", () => {
  const allowed = corsPreflightHeaders('https://shop.example.com', ['GET'])['access-control-allow-headers']?.split(', ');
  expect(allowed).toEqual(expect.arrayContaining(['x-api-key', 'authorization']));
});
