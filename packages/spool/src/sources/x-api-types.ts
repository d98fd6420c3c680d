/**
 * The parts of X API v2 responses the importer reads, as the public documentation describes them
 * (GET /2/tweets/:id and GET /2/tweets/search/recent with the fields in TWEET_QUERY).
 */

export interface V2UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url?: string;
  display_url?: string;
  /** Present when the link stands for attached media. */
  media_key?: string;
}

export interface V2Entities {
  urls?: V2UrlEntity[];
  mentions?: Array<{ start: number; end: number; username: string; id?: string }>;
  hashtags?: Array<{ start: number; end: number; tag: string }>;
}

export interface V2Tweet {
  id: string;
  /** Cut at 280 characters for long posts; the full body is note_tweet.text. */
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  entities?: V2Entities;
  note_tweet?: { text: string; entities?: V2Entities };
  attachments?: { media_keys?: string[] };
  referenced_tweets?: Array<{ type: 'replied_to' | 'quoted' | 'retweeted'; id: string }>;
}

export interface V2Media {
  media_key: string;
  type: 'photo' | 'video' | 'animated_gif' | string;
  url?: string;
  alt_text?: string;
  width?: number;
  height?: number;
}

export interface V2User {
  id: string;
  name: string;
  username: string;
  profile_image_url?: string;
}

export interface V2Problem {
  value?: string;
  detail?: string;
  title?: string;
  resource_type?: string;
  parameter?: string;
  resource_id?: string;
  type?: string;
}

export interface V2Response {
  data?: V2Tweet | V2Tweet[];
  includes?: { media?: V2Media[]; users?: V2User[] };
  errors?: V2Problem[];
  meta?: { result_count?: number; next_token?: string; newest_id?: string; oldest_id?: string };
}
