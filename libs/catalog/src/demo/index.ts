export * from './demo-organizations';
export * from './demo-seeder';
