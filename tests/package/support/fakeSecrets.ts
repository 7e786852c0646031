/** Recognisable values a careless template would copy from the shell: none may appear in the AWS stage's package. */
export const FAKE_SECRETS = {
  ADMIN_TOKEN: 'FAKE-ADMIN-TOKEN-7c1e5b',
  REDIS_URL: 'redis://:FAKE-REDIS-PASSWORD-7c1e5b@10.9.9.9:6379',
};
