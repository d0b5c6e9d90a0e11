# One image for the api and the worker (the command picks which one runs), and the one-off commands
# beside them: dist/apps/api/apps/api/src/migrate.js and bureau-create.js (the bureau's first account).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nest build api && npx nest build worker && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
