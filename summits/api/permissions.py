from rest_framework.permissions import SAFE_METHODS, BasePermission


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


class IsStaffOrReadOnly(BasePermission):
    """Everyone may read (what the queryset lets them see); only staff may write.

    An anonymous write gets 401 (TokenAuthentication supplies the WWW-Authenticate header),
    an authenticated non-staff write 403.
    """

    message = "Only editors (staff) may change the archive."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS or is_staff(request.user):
            return True
        # A method the endpoint does not offer (DELETE) is 405 for everyone, not 401/403.
        return not hasattr(view, request.method.lower())
