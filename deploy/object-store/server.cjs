// Starts s3rver on 0.0.0.0:4568 with its data in /data, the bucket OBJECT_STORE_BUCKET made if
// missing, and the key pair OBJECT_STORE_ACCESS_KEY_ID / OBJECT_STORE_SECRET_ACCESS_KEY as the
// only credentials (s3rver's public built-in pair is revoked).
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account.js');

const accessKeyId = process.env.OBJECT_STORE_ACCESS_KEY_ID;
const secretAccessKey = process.env.OBJECT_STORE_SECRET_ACCESS_KEY;
if (!accessKeyId || !secretAccessKey) {
  console.error('Set OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY');
  process.exit(1);
}
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);

const server = new S3rver({
  address: '0.0.0.0',
  port: 4568,
  directory: '/data',
  // Path-style requests only: otherwise the host name the instances use (object-store) is read as a bucket's.
  vhostBuckets: false,
  configureBuckets: [{ name: process.env.OBJECT_STORE_BUCKET || 'alumnilink', configs: [] }],
});
server.run().then(() => console.log('object store listening on :4568'));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close().then(() => process.exit(0)));
