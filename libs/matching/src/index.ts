export * from './matching.module';
export * from './search/meili.service';
export * from './search/search-index.service';
export * from './search/search.service';
export * from './dto/search.dto';
export * from './matches/matches.service';
export * from './matches/matcher.factory';
export * from './migrations';
export * as relevance from './relevance';
