"""The screens of the app: home, error, one per phase of a session, and the modal form."""
