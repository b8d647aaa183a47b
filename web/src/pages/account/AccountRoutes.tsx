import { Navigate, Route, Routes } from 'react-router';
import { NotFound } from '../../components/States';
import { ApiKeys } from './ApiKeys';
import { Profile } from './Profile';
import { Security } from './Security';

export default function AccountRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="profile" replace />} />
      <Route path="profile" element={<Profile />} />
      <Route path="security" element={<Security />} />
      <Route path="api-keys" element={<ApiKeys />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
