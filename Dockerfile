# AlumniLink in one image: the API server and the H5 build of the mini-program it serves.
#   docker build -t alumnilink .
# Running it (compose, WeChat Cloud Hosting, the variables): docs/operations.md.
#
# Behind a TLS-intercepting egress proxy, hand its CA to the install steps as a BuildKit
# secret (never baked into a layer):  docker build --secret id=ca,src=/path/to/ca.pem …

FROM node:24-bookworm-slim AS source
ENV CI=true
# The CA secret, when given, is trusted by the two steps that download.
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi; \
    npm install --global --no-audit --no-fund pnpm@12
WORKDIR /src
# Manifests first: the dependency layer is reused while only source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY miniprogram/package.json miniprogram/
COPY e2e/package.json e2e/
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi; \
    pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @alumni/shared run build

# The two builds are independent stages, so BuildKit runs them side by side.
FROM source AS h5
RUN pnpm --filter @alumni/miniprogram run build:h5

FROM source AS server
# The server with its production dependencies only, from the store the install filled.
RUN pnpm --filter @alumni/server run build \
 && pnpm --filter @alumni/server deploy --prod --offline /out/server

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    H5_DIR=/app/h5 \
    DATA_DIR=/data
WORKDIR /app
# Code is owned by root and read-only to the server's user; only /data is writable.
COPY --from=server /out/server/package.json ./server/package.json
COPY --from=server /out/server/node_modules ./server/node_modules
COPY --from=server /out/server/dist ./server/dist
COPY --from=h5 /src/miniprogram/dist/h5 ./h5
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 3000
# Readiness: the database answers. Failures count only after 120 s (migrations on a busy
# machine); the first success ends that wait. Slim images have no curl; Node's fetch asks.
HEALTHCHECK --interval=5s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server/dist/main.js"]
