import { Navigate, Route, Routes } from 'react-router';
import { NotFound } from '../../components/States';
import { Credentials } from './Credentials';
import { General } from './General';
import { ProjectMembers } from './ProjectMembers';
import { NotificationProviders } from './NotificationProviders';
import { Tags } from './Tags';
import { Variables } from './Variables';

export default function ProjectSettings() {
  return (
    <Routes>
      <Route index element={<Navigate to="variables" replace />} />
      <Route path="members" element={<ProjectMembers />} />
      <Route path="variables" element={<Variables />} />
      <Route path="tags" element={<Tags />} />
      <Route path="notifications" element={<NotificationProviders />} />
      <Route path="credentials" element={<Credentials />} />
      <Route path="general" element={<General />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
