import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './app/apollo';
import { GRAPHQL_URL } from './app/api-url';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import './styles.css';

const client = createApolloClient(GRAPHQL_URL);

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <App />
      </ApolloProvider>
    </StrictMode>,
  );
});
