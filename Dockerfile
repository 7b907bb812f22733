# ortak in a container: `docker build -t ortak .`, then
#   docker run -d --name ortak -e BOT_TOKEN=123456:ABC… -v ortak-data:/data ortak
# (embedded PGlite and a private redis-server under /data), or `docker compose up -d` with
# PostgreSQL and Redis (compose.yaml). test/e2e/build.test.ts runs the build stage's steps and the
# runtime stage's command outside Docker: keep each RUN one plain command it can run too.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, the generated Prisma client, TypeScript compiled to dist/ ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as package.json's allowScripts has it: Prisma's would download
# engines that the JavaScript engine does not need (older npm versions ignore allowScripts).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx prisma generate
RUN npm run build

# --- runtime: production dependencies, the compiled program, redis-server for the embedded default ---
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# A named volume mounted on /data starts out owned by ortak; a bind-mounted directory must be
# writable by uid 10001.
RUN groupadd --system --gid 10001 ortak && useradd --system --uid 10001 --gid ortak --no-create-home --home-dir /app --shell /usr/sbin/nologin ortak && mkdir -p /data && chown ortak:ortak /data
USER ortak
# The embedded database and private Redis live in DATA_DIR (unless DATABASE_URL and REDIS_URL
# are set); PORT serves /healthz, /readyz and /metrics, and the webhook in webhook mode.
ENV DATA_DIR=/data PORT=8080 NODE_OPTIONS=--enable-source-maps
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# main.ts stops in order on SIGTERM (docker stop): give it longer than docker's 10 s default with
# `docker stop -t 60` or compose's stop_grace_period.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js", "--bot"]
