import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './app/apollo';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import './styles.css';

// Served by the server: /graphql on the same origin. Built to be served elsewhere (its own origin,
// listed in the server's CORS_ORIGINS): VITE_FLEXPORTAL_API_URL=https://api.example.com/graphql.
const client = createApolloClient(import.meta.env.VITE_FLEXPORTAL_API_URL || '/graphql');

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <App />
      </ApolloProvider>
    </StrictMode>,
  );
});
